import { EntitySchema, type Rel } from '@mikro-orm/core';
import { PROCESS_KEYS, type ProcessKey } from '../../domain/usm';
import { versionedProperties, VersionedEntity } from './base';
import { Organisation } from './organisation';
import { Workflow } from './workflow';

export const PROCEDURE_SOURCE_KINDS = ['PROCESS', 'WORKFLOW'] as const;
export type ProcedureSourceKind = (typeof PROCEDURE_SOURCE_KINDS)[number];

/**
 * A procedure: a process or workflow (WHAT) with roles assigned to its steps (WHO). It remembers its
 * source so that it can be compared with, and re-derived from, the source as it is now.
 */
export class Procedure extends VersionedEntity {
  organisation!: Rel<Organisation>;
  name!: string;
  sourceKind!: ProcedureSourceKind;
  /** Set when derived from one process. */
  sourceProcessKey!: ProcessKey | null;
  /** Set when derived from a workflow. */
  sourceWorkflow!: Rel<Workflow> | null;
}

export const ProcedureSchema = new EntitySchema<Procedure>({
  class: Procedure,
  tableName: 'procedure',
  properties: {
    ...versionedProperties,
    organisation: { kind: 'm:1', entity: () => Organisation, deleteRule: 'cascade' },
    name: { type: 'string', length: 200 },
    sourceKind: { enum: true, items: () => [...PROCEDURE_SOURCE_KINDS], type: 'string' },
    sourceProcessKey: { enum: true, items: () => [...PROCESS_KEYS], type: 'string', nullable: true },
    sourceWorkflow: { kind: 'm:1', entity: () => Workflow, nullable: true, deleteRule: 'cascade' },
  },
  indexes: [{ properties: ['organisation'] }],
});
