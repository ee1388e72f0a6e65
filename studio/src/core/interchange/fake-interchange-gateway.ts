/** An in-memory stand-in for the API's WIF import and procedure deletes, for core tests. */
import { GatewayError } from '../errors';
import type { ImportedProcedure, InterchangeGateway, WifImportResult } from './gateway';

export class FakeInterchangeGateway implements InterchangeGateway {
  readonly procedures = new Map<string, ImportedProcedure>();
  readonly calls: { method: string; input: unknown }[] = [];
  /** What every import reports as skipped. */
  skipped: WifImportResult['skipped'] = [];
  private nextId = 1;

  async importWif(input: { organisationId: string; document: string; name?: string | null }) {
    this.calls.push({ method: 'importWif', input });
    let parsed: { name?: string };
    try {
      parsed = JSON.parse(input.document) as { name?: string };
    } catch {
      throw new GatewayError('BAD_USER_INPUT', 'The WIF document has 1 problem; nothing was imported.');
    }
    const procedure = {
      id: `procedure-${this.nextId++}`,
      name: input.name ?? parsed.name ?? 'Imported',
      version: 1,
    };
    this.procedures.set(procedure.id, procedure);
    return { procedure: { ...procedure }, skipped: this.skipped };
  }

  async readProcedure(id: string) {
    const procedure = this.procedures.get(id);
    return procedure ? { ...procedure } : null;
  }

  async deleteProcedure(input: { id: string; version: number }) {
    this.calls.push({ method: 'deleteProcedure', input });
    const procedure = this.procedures.get(input.id);
    if (!procedure) throw new GatewayError('NOT_FOUND', `No procedure ${input.id}.`);
    if (procedure.version !== input.version) {
      throw new GatewayError('CONFLICT', 'Stale version.', { currentVersion: procedure.version });
    }
    this.procedures.delete(input.id);
  }

  /** Someone else edits the procedure (its version goes up). */
  touch(id: string): void {
    const procedure = this.procedures.get(id)!;
    this.procedures.set(id, { ...procedure, version: procedure.version + 1 });
  }
}
