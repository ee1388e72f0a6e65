import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError } from '../domain/errors';
import { handoverViolation } from '../domain/rules';
import type { CallType, HandoverKind } from '../domain/usm';
import { Activity, Handover } from '../persistence/entities';
import { liveActivityOrFail, lookupOrFail } from './lookup';
import { assertVersion, inTransaction } from './transaction';

export interface CreateHandoverInput {
  fromActivityId: string;
  callType: CallType;
  kind: HandoverKind;
}

export function createHandover(em: EntityManager, input: CreateHandoverInput): Promise<Handover> {
  return inTransaction(em, async (tx) => {
    const from = await liveActivityOrFail(tx, input.fromActivityId);
    checkRules(from, input.callType, input.kind, 'input.callType');
    await refuseDuplicate(tx, from, input.callType, input.kind, null);
    return tx.create(Handover, {
      organisation: from.organisation,
      fromActivity: from,
      callType: input.callType,
      kind: input.kind,
    });
  });
}

export interface UpdateHandoverInput {
  id: string;
  version: number;
  callType?: CallType | null;
  kind?: HandoverKind | null;
}

export function updateHandover(em: EntityManager, input: UpdateHandoverInput): Promise<Handover> {
  return inTransaction(em, async (tx) => {
    const handover = await lookupOrFail(tx, Handover, input.id, { lock: true });
    assertVersion(handover, input.version, 'hand-over');
    const from = await liveActivityOrFail(tx, handover.fromActivity.id);
    const callType = input.callType ?? handover.callType;
    const kind = input.kind ?? handover.kind;
    checkRules(from, callType, kind, input.callType ? 'input.callType' : 'input.kind');
    if (callType !== handover.callType || kind !== handover.kind) {
      await refuseDuplicate(tx, from, callType, kind, handover.id);
    }
    handover.callType = callType;
    handover.kind = kind;
    return handover;
  });
}

export function deleteHandover(em: EntityManager, input: { id: string; version: number }): Promise<boolean> {
  return inTransaction(em, async (tx) => {
    const handover = await lookupOrFail(tx, Handover, input.id, { lock: true });
    assertVersion(handover, input.version, 'hand-over');
    tx.remove(handover);
    return true;
  });
}

function checkRules(from: Activity, callType: CallType, kind: HandoverKind, field: string): void {
  const violation = handoverViolation(from.process.key, callType, kind);
  if (violation) throw new BadUserInputError(violation, field);
}

async function refuseDuplicate(
  em: EntityManager,
  from: Activity,
  callType: CallType,
  kind: HandoverKind,
  exceptId: string | null,
): Promise<void> {
  const existing = await em.findOne(Handover, { fromActivity: from, callType, kind });
  if (existing && existing.id !== exceptId) {
    throw new BadUserInputError(
      `"${from.name}" already has a ${kind.toLowerCase()} hand-over with call type ${callType}.`,
      'input.callType',
    );
  }
}
