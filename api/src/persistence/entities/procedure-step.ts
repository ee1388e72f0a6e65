import { EntitySchema, type Rel } from '@mikro-orm/core';
import { PROCESS_KEYS, type ProcessKey } from '../../domain/usm';
import { Activity } from './activity';
import { versionedProperties, VersionedEntity } from './base';
import { Organisation } from './organisation';
import { Procedure } from './procedure';

/**
 * One step of a procedure, traced to the activity it was derived from. A step is identified within its
 * procedure by (activity, occurrence): a workflow path may pass the same activity more than once.
 * `activityName`, `depth` and `processKey` are what the source said when the step was last derived, so
 * the procedure can tell what has changed since.
 */
export class ProcedureStep extends VersionedEntity<'obsolete'> {
  organisation!: Rel<Organisation>;
  procedure!: Rel<Procedure>;
  activity!: Rel<Activity>;
  occurrence!: number;
  position!: number;
  depth!: number;
  processKey!: ProcessKey;
  activityName!: string;
  /** Its activity was deleted or left the path; kept with its assignments until the user removes it. */
  obsolete: boolean = false;
}

export const ProcedureStepSchema = new EntitySchema<ProcedureStep>({
  class: ProcedureStep,
  tableName: 'procedure_step',
  properties: {
    ...versionedProperties,
    organisation: { kind: 'm:1', entity: () => Organisation, deleteRule: 'cascade' },
    procedure: { kind: 'm:1', entity: () => Procedure, deleteRule: 'cascade' },
    activity: { kind: 'm:1', entity: () => Activity, deleteRule: 'cascade' },
    occurrence: { type: 'smallint' },
    position: { type: 'integer' },
    depth: { type: 'smallint' },
    processKey: { enum: true, items: () => [...PROCESS_KEYS], type: 'string' },
    activityName: { type: 'string', length: 200 },
    obsolete: { type: 'boolean', default: false },
  },
  uniques: [{ properties: ['procedure', 'activity', 'occurrence'] }],
  indexes: [
    { properties: ['procedure', 'position'] },
    { properties: ['activity'] },
    { properties: ['organisation'] },
  ],
});
