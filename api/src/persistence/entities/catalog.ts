import { EntitySchema, OptionalProps, type Rel } from '@mikro-orm/core';
import { versionedProperties, type GeneratedColumns, type Versioned } from './base';
import { Organisation } from './organisation';

/** A USM profile: who performs activities (a role or function). */
export class Role implements Versioned {
  [OptionalProps]?: GeneratedColumns | 'description';
  id!: string;
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
  organisation!: Rel<Organisation>;
  name!: string;
  description!: string;
}

/** Technology used to carry out an activity. */
export class Tool implements Versioned {
  [OptionalProps]?: GeneratedColumns | 'description';
  id!: string;
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
  organisation!: Rel<Organisation>;
  name!: string;
  description!: string;
}

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
