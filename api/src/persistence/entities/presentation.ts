import { EntitySchema, type Rel } from '@mikro-orm/core';
import { WALKTHROUGH_MODES, type WalkthroughMode } from '../../domain/presentation';
import { versionedProperties, VersionedEntity } from './base';
import { Organisation } from './organisation';
import { Procedure } from './procedure';
import { User } from './user';

/**
 * A trainer's live walkthrough of one organisation's model: where it stands (a workflow and a step on its
 * expanded path, or a procedure and a derivation stage) and the share link trainees follow it with. Only
 * the SHA-256 of the share token is stored; the token is shown once, at the start. Ending it (`endedAt`)
 * revokes the link; the row stays.
 */
export class Presentation extends VersionedEntity<'endedAt'> {
  organisation!: Rel<Organisation>;
  mode!: WalkthroughMode;
  workflowNumber!: number | null;
  /** Null for a workflow walkthrough, or when the procedure was deleted meanwhile. */
  procedure!: Rel<Procedure> | null;
  step!: number;
  startedBy!: Rel<User>;
  endedAt: Date | null = null;
  shareTokenHash!: string;
}

export const PresentationSchema = new EntitySchema<Presentation>({
  class: Presentation,
  tableName: 'presentation',
  properties: {
    ...versionedProperties,
    organisation: { kind: 'm:1', entity: () => Organisation, deleteRule: 'cascade' },
    mode: { enum: true, items: () => [...WALKTHROUGH_MODES], type: 'string' },
    workflowNumber: { type: 'smallint', nullable: true },
    procedure: { kind: 'm:1', entity: () => Procedure, nullable: true, deleteRule: 'set null' },
    step: { type: 'integer' },
    startedBy: { kind: 'm:1', entity: () => User, deleteRule: 'cascade' },
    endedAt: { type: 'datetime', nullable: true },
    shareTokenHash: { type: 'string', length: 64, unique: true },
  },
  indexes: [{ properties: ['organisation', 'endedAt'] }],
});
