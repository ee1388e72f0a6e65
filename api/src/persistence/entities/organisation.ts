import { EntitySchema } from '@mikro-orm/core';
import type { CanvasArrangement } from '../../domain/canvas-arrangement';
import { versionedProperties, VersionedEntity } from './base';

/** The tenant: every other stored object belongs to exactly one organisation. */
export class Organisation extends VersionedEntity<'demo'> {
  name!: string;
  /** Created from the USM_DEMO template: holds sample content and can be reset to it. */
  demo!: boolean;
  /** The studio's arrangement of the process containers; null: the default. */
  canvasArrangement?: CanvasArrangement | null;
}

export const OrganisationSchema = new EntitySchema<Organisation>({
  class: Organisation,
  tableName: 'organisation',
  properties: {
    ...versionedProperties,
    name: { type: 'string', length: 200 },
    demo: { type: 'boolean', default: false },
    canvasArrangement: { type: 'json', nullable: true },
  },
  indexes: [{ properties: ['createdAt', 'id'] }],
});
