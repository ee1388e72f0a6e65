import { describe, expect, it } from 'vitest';
import { aliasOnlyContext } from '../catalogue/test-context';
import { ConflictError, MissingObjectError, RuleViolation } from '../errors';
import { openEditor } from '../testing/editor';
import { FakeInterchangeGateway } from './fake-interchange-gateway';
import { ImportWif } from './import-wif';

const DOCUMENT = JSON.stringify({ 'format-version': '1.0.0', type: 'workflow', name: 'Recover incidents' });

describe('ImportWif', () => {
  it('imports, undo deletes the procedure with its version, redo imports again under a new id', async () => {
    const gateway = new FakeInterchangeGateway();
    gateway.skipped = [{ path: '$.steps[0].activities[2]', message: 'No activity “Triage” in Recover.' }];
    const context = aliasOnlyContext();
    const command = new ImportWif(gateway, 'org-1', DOCUMENT, 'recover.workflow.json');
    expect(command.label).toBe('Import recover.workflow.json as a procedure');

    await command.execute();
    const firstId = command.procedureId!;
    expect(gateway.procedures.get(firstId)?.name).toBe('Recover incidents');
    expect(command.label).toBe('Import procedure “Recover incidents” from recover.workflow.json');
    expect(command.skipped).toEqual(gateway.skipped);
    expect(gateway.calls[0]).toEqual({
      method: 'importWif',
      input: { organisationId: 'org-1', document: DOCUMENT, name: null },
    });

    gateway.touch(firstId);
    await command.undo(context);
    expect(gateway.calls.at(-1)).toEqual({ method: 'deleteProcedure', input: { id: firstId, version: 2 } });
    expect(gateway.procedures.size).toBe(0);

    await command.redo(context);
    const newId = context.resolve(firstId);
    expect(newId).not.toBe(firstId);
    expect(gateway.procedures.has(newId)).toBe(true);

    await command.undo(context);
    expect(gateway.procedures.size).toBe(0);
  });

  it('names the procedure as asked, and refuses an empty file before sending it', async () => {
    const gateway = new FakeInterchangeGateway();
    const named = new ImportWif(gateway, 'org-1', DOCUMENT, 'x.json', '  Our recovery  ');
    await named.execute();
    expect([...gateway.procedures.values()][0]!.name).toBe('Our recovery');

    const empty = new ImportWif(gateway, 'org-1', '  ', 'empty.json');
    await expect(empty.execute()).rejects.toBeInstanceOf(RuleViolation);
    expect(gateway.calls.filter((call) => call.method === 'importWif')).toHaveLength(1);
  });

  it('undo fails clearly when the procedure is gone', async () => {
    const gateway = new FakeInterchangeGateway();
    const context = aliasOnlyContext();
    const command = new ImportWif(gateway, 'org-1', DOCUMENT, 'x.json');
    await command.execute();
    gateway.procedures.clear();
    await expect(command.undo(context)).rejects.toBeInstanceOf(MissingObjectError);
  });

  it('runs in the editor’s shared history: undo and redo from the store', async () => {
    const { store } = await openEditor();
    const gateway = new FakeInterchangeGateway();
    const before = store.getState().revision;
    expect(await store.getState().run(new ImportWif(gateway, 'org-1', DOCUMENT, 'x.json'))).toBe(true);
    expect(store.getState().revision).toBeGreaterThan(before);
    expect(store.getState().undoLabel).toBe('Import procedure “Recover incidents” from x.json');
    await store.getState().undo();
    expect(gateway.procedures.size).toBe(0);
    await store.getState().redo();
    expect(gateway.procedures.size).toBe(1);
  });

  it('a stale version on undo becomes a conflict', async () => {
    const gateway = new FakeInterchangeGateway();
    const context = aliasOnlyContext();
    const command = new ImportWif(gateway, 'org-1', DOCUMENT, 'x.json');
    await command.execute();
    const id = command.procedureId!;
    const original = gateway.readProcedure.bind(gateway);
    gateway.readProcedure = async (procedureId) => {
      const read = await original(procedureId);
      gateway.touch(id);
      return read;
    };
    await expect(command.undo(context)).rejects.toBeInstanceOf(ConflictError);
  });
});
