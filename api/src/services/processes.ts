import type { EntityManager } from '@mikro-orm/postgresql';
import { validDescription, validName } from '../domain/validation';
import { Process } from '../persistence/entities';
import { lookupOrFail } from './lookup';
import { assertVersion, inTransaction } from './transaction';

export interface UpdateProcessInput {
  id: string;
  version: number;
  name?: string | null;
  purpose?: string | null;
}

/** A process's key is fixed (USM has exactly five); its display name and purpose are the organisation's. */
export function updateProcess(em: EntityManager, input: UpdateProcessInput): Promise<Process> {
  const name = input.name == null ? undefined : validName(input.name, 'input.name', 'process name');
  const purpose =
    input.purpose == null ? undefined : validDescription(input.purpose, 'input.purpose', 'purpose');
  return inTransaction(em, async (tx) => {
    const process = await lookupOrFail(tx, Process, input.id, { lock: true });
    assertVersion(process, input.version, 'process');
    if (name !== undefined) process.name = name;
    if (purpose !== undefined) process.purpose = purpose;
    return process;
  });
}
