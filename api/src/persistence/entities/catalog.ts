import { EntitySchema, type Rel } from '@mikro-orm/core';
import { versionedProperties, VersionedEntity } from './base';
import { Organisation } from './organisation';

/** A named entry of an organisation's catalogue; roles and tools are stored alike. */
abstract class CatalogEntry extends VersionedEntity<'description'> {
  organisation!: Rel<Organisation>;
  name!: string;
  description!: string;
}

/** A USM profile: who performs activities (a role or function). */
export class Role extends CatalogEntry {}

/** Technology used to carry out an activity. */
export class Tool extends CatalogEntry {}

function catalogSchema<T extends Role | Tool>(cls: new () => T, tableName: string) {
  return new EntitySchema<T>({
    class: cls,
    tableName,
    properties: {
      ...versionedProperties,
      organisation: { kind: 'm:1', entity: () => Organisation, deleteRule: 'cascade' },
      name: { type: 'string', length: 200 },
      description: { type: 'text', default: '' },
    } as never,
    uniques: [{ properties: ['organisation', 'name'] as never }],
  });
}

export const RoleSchema = catalogSchema(Role, 'role');
export const ToolSchema = catalogSchema(Tool, 'tool');
