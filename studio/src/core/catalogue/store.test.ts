import { describe, expect, it } from 'vitest';
import { openEditor } from '../testing/editor';
import { CreateRole, DeleteTool } from '.';
import { FakeCatalogueGateway } from './fake-catalogue-gateway';

describe('catalogue commands in the editor store', () => {
  it('share the history: run, undo and redo bump the revision the views re-read on', async () => {
    const editor = await openEditor();
    const gateway = new FakeCatalogueGateway();
    const start = editor.state().revision;
    expect(await editor.state().run(new CreateRole(gateway, 'org-1', 'Analyst'))).toBe(true);
    expect(editor.state().undoLabel).toBe('Create role “Analyst”');
    expect(editor.state().revision).toBe(start + 1);
    await editor.state().undo();
    expect(gateway.names('role')).toEqual([]);
    expect(editor.state().redoLabel).toBe('Create role “Analyst”');
    await editor.state().redo();
    expect(gateway.names('role')).toEqual(['Analyst']);
    expect(editor.state().revision).toBe(start + 3);
  });

  it('a refused delete lands in the failure (with the API’s message) and stays out of the history', async () => {
    const editor = await openEditor();
    const gateway = new FakeCatalogueGateway();
    const tool = gateway.seed('tool', 'Wiki');
    gateway.impacts.set(tool.id, {
      procedures: [{ id: 'p1', name: 'Change' }],
      stepCount: 1,
      workInstructionCount: 1,
    });
    expect(await editor.state().run(new DeleteTool(gateway, 'org-1', tool))).toBe(false);
    expect(editor.state().failure).toMatchObject({ kind: 'refused', edit: 'Delete tool “Wiki”' });
    expect(editor.state().failure!.message).toContain('"Change"');
    expect(editor.state().undoLabel).toBeNull();
  });

  it('is refused for a read-only member', async () => {
    const editor = await openEditor();
    editor.gateway.role = 'VIEWER';
    await editor.state().reload();
    const gateway = new FakeCatalogueGateway();
    expect(await editor.state().run(new CreateRole(gateway, 'org-1', 'Analyst'))).toBe(false);
    expect(gateway.calls).toEqual([]);
  });
});
