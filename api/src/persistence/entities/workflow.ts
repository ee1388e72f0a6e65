import { EntitySchema, type Rel } from '@mikro-orm/core';
import { CALL_TYPES, PROCESS_KEYS, type CallType, type ProcessKey } from '../../domain/usm';
import { versionedProperties, VersionedEntity } from './base';
import { Organisation } from './organisation';

/**
 * One of the eight USM workflow templates. Only its route is stored (start process and, where a process
 * may fork to several targets, the chosen one); its steps are expanded from the current process model.
 */
export class Workflow extends VersionedEntity {
  organisation!: Rel<Organisation>;
  number!: number;
  name!: string;
  trigger!: CallType;
  startProcess!: ProcessKey;
  forkChoices!: Partial<Record<ProcessKey, ProcessKey>>;
}

export const WorkflowSchema = new EntitySchema<Workflow>({
  class: Workflow,
  tableName: 'workflow',
  properties: {
    ...versionedProperties,
    organisation: { kind: 'm:1', entity: () => Organisation, deleteRule: 'cascade' },
    number: { type: 'smallint' },
    name: { type: 'string', length: 200 },
    trigger: { enum: true, items: () => [...CALL_TYPES], type: 'string' },
    startProcess: { enum: true, items: () => [...PROCESS_KEYS], type: 'string' },
    forkChoices: { type: 'json' },
  },
  uniques: [{ properties: ['organisation', 'number'] }],
});
