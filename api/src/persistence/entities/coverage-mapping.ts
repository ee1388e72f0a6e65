import { EntitySchema, type Rel } from '@mikro-orm/core';
import type { Framework } from '../../domain/frameworks';
import { Activity } from './activity';
import { versionedProperties, VersionedEntity } from './base';
import { Organisation } from './organisation';
import { Workflow } from './workflow';

/**
 * A user's statement that an activity or a workflow covers an ITIL 4 practice or an ISO/IEC 20000-1 clause,
 * with its source or rationale. User data: USM publishes no such mapping.
 */
export class CoverageMapping extends VersionedEntity {
  organisation!: Rel<Organisation>;
  framework!: Framework;
  itemKey!: string;
  /** Exactly one of activity and workflow is set. */
  activity?: Rel<Activity> | null;
  workflow?: Rel<Workflow> | null;
  rationale!: string;
}

export const CoverageMappingSchema = new EntitySchema<CoverageMapping>({
  class: CoverageMapping,
  tableName: 'coverage_mapping',
  properties: {
    ...versionedProperties,
    organisation: { kind: 'm:1', entity: () => Organisation, deleteRule: 'cascade' },
    framework: { type: 'string', length: 16 },
    itemKey: { type: 'string', length: 64 },
    activity: { kind: 'm:1', entity: () => Activity, nullable: true, deleteRule: 'cascade' },
    workflow: { kind: 'm:1', entity: () => Workflow, nullable: true, deleteRule: 'cascade' },
    rationale: { type: 'text' },
  },
  indexes: [{ properties: ['organisation', 'framework', 'itemKey'] }],
});
