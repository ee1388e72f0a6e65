import { EntitySchema, type Rel } from '@mikro-orm/core';
import { CALL_TYPES, HANDOVER_KINDS, type CallType, type HandoverKind } from '../../domain/usm';
import { Activity } from './activity';
import { versionedProperties, VersionedEntity } from './base';
import { Organisation } from './organisation';

/**
 * A call from one activity to another process. The target is not stored: it is the process that the
 * call type enters (reference §2), so the two can never disagree.
 */
export class Handover extends VersionedEntity {
  organisation!: Rel<Organisation>;
  fromActivity!: Rel<Activity>;
  callType!: CallType;
  kind!: HandoverKind;
}

export const HandoverSchema = new EntitySchema<Handover>({
  class: Handover,
  tableName: 'handover',
  properties: {
    ...versionedProperties,
    organisation: { kind: 'm:1', entity: () => Organisation, deleteRule: 'cascade' },
    fromActivity: { kind: 'm:1', entity: () => Activity, deleteRule: 'cascade' },
    callType: { enum: true, items: () => [...CALL_TYPES], type: 'string' },
    kind: { enum: true, items: () => [...HANDOVER_KINDS], type: 'string' },
  },
  uniques: [{ properties: ['fromActivity', 'callType', 'kind'] }],
  indexes: [{ properties: ['organisation'] }],
});
