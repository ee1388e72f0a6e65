import { EntitySchema, type Rel } from '@mikro-orm/core';
import type { Raci } from '../../domain/derivation/responsibilities';
import { Role } from './catalog';
import { versionedProperties, VersionedEntity } from './base';
import { Organisation } from './organisation';
import { ProcedureStep } from './procedure-step';

/** The RACI letters one role holds on one procedure step (WHO). A role without letters has no row. */
export class Responsibility extends VersionedEntity {
  organisation!: Rel<Organisation>;
  step!: Rel<ProcedureStep>;
  role!: Rel<Role>;
  raci!: Raci[];
}

export const ResponsibilitySchema = new EntitySchema<Responsibility>({
  class: Responsibility,
  tableName: 'responsibility',
  properties: {
    ...versionedProperties,
    organisation: { kind: 'm:1', entity: () => Organisation, deleteRule: 'cascade' },
    step: { kind: 'm:1', entity: () => ProcedureStep, deleteRule: 'cascade' },
    // No cascade: a role in use cannot be deleted (the service says what depends on it).
    role: { kind: 'm:1', entity: () => Role, deleteRule: 'no action' },
    raci: { type: 'array' },
  },
  uniques: [{ properties: ['step', 'role'] }],
  indexes: [{ properties: ['role'] }, { properties: ['organisation'] }],
});
