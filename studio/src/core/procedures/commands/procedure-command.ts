/** Helpers shared by the procedure commands. */
import { MissingObjectError } from '../../errors';
import type { ProcedureGateway, ProcedureRecord, StepRecord } from '../gateway';

export async function procedureOrFail(gateway: ProcedureGateway, id: string): Promise<ProcedureRecord> {
  const procedure = await gateway.readProcedure(id);
  if (!procedure)
    throw new MissingObjectError('The procedure no longer exists: someone may have deleted it.');
  return procedure;
}

export async function stepOrFail(gateway: ProcedureGateway, id: string): Promise<StepRecord> {
  const step = await gateway.readStep(id);
  if (!step) throw new MissingObjectError('The step no longer exists: someone may have removed it.');
  return step;
}
