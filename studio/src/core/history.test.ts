import { describe, expect, it } from 'vitest';
import type { Command } from './commands';
import { GatewayError } from './errors';
import { CommandHistory } from './history';
import { openEditor } from './testing/editor';

function named(label: string): Command {
  const done = async () => undefined;
  return { name: 'RenameActivity', label, execute: done, undo: done, redo: done };
}

describe('CommandHistory', () => {
  it('undoes last-in first-out, redoes what was undone, and a new edit clears the redo stack', () => {
    const history = new CommandHistory();
    history.record(named('a'));
    history.record(named('b'));
    expect(history.nextUndo()?.label).toBe('b');
    history.markUndone();
    expect(history.nextUndo()?.label).toBe('a');
    expect(history.nextRedo()?.label).toBe('b');
    history.markRedone();
    expect(history.nextRedo()).toBeUndefined();
    history.markUndone();
    history.record(named('c'));
    expect(history.nextRedo()).toBeUndefined();
    expect([history.undoCount, history.redoCount]).toEqual([2, 0]);
  });

  it('forgets the oldest entries past its limit', () => {
    const history = new CommandHistory(2);
    for (const label of ['a', 'b', 'c']) history.record(named(label));
    history.markUndone();
    history.markUndone();
    expect(history.nextUndo()).toBeUndefined();
    expect(history.redoCount).toBe(2);
  });
});

describe('the editor store history', () => {
  it('records edits, undoes and redoes them in order, and names them for the toolbar', async () => {
    const editor = await openEditor();
    await editor.state().renameActivity(editor.idOf('Classify'), 'Triage');
    await editor.state().addActivity(editor.gateway.processId('AGREE'), 'Sign', 3);
    expect(editor.state().undoLabel).toBe('Add activity “Sign”');
    expect(editor.names('AGREE')).toEqual(['Accept wishes', 'Triage', 'Sign', 'Realize', 'Evaluate & close']);

    await editor.state().undo();
    expect(editor.state().redoLabel).toBe('Add activity “Sign”');
    expect(editor.state().undoLabel).toBe('Rename “Classify” to “Triage”');
    await editor.state().undo();
    expect(editor.names('AGREE')).toEqual(['Accept wishes', 'Classify', 'Realize', 'Evaluate & close']);
    expect(editor.state().undoLabel).toBeNull();
    await editor.state().undo(); // nothing left: no call, no error
    expect(editor.state().failure).toBeNull();

    await editor.state().redo();
    await editor.state().redo();
    expect(editor.names('AGREE')).toEqual(['Accept wishes', 'Triage', 'Sign', 'Realize', 'Evaluate & close']);
    expect(editor.state().redoLabel).toBeNull();
  });

  it('runs quickly repeated edits one after another, in order', async () => {
    const editor = await openEditor();
    const process = editor.gateway.processId('OPERATE');
    await Promise.all([
      editor.state().addActivity(process, 'One'),
      editor.state().addActivity(process, 'Two'),
      editor.state().undo(),
      editor.state().addActivity(process, 'Three'),
    ]);
    expect(editor.names('OPERATE').slice(-2)).toEqual(['One', 'Three']);
    expect(editor.state().pending).toBe(0);
    expect(editor.gateway.liveNames('OPERATE')).toEqual(editor.names('OPERATE'));
  });

  it('keeps a failed edit out of the history and reports it', async () => {
    const editor = await openEditor();
    editor.gateway.failNext = new GatewayError('DATABASE_UNAVAILABLE', 'down');
    await editor.state().renameActivity(editor.idOf('Deploy'), 'Ship');
    expect(editor.state().undoLabel).toBeNull();
    expect(editor.state().failure).toMatchObject({ kind: 'error', edit: 'Rename “Deploy” to “Ship”' });
  });

  it('keeps an edit on the undo stack when its undo fails', async () => {
    const editor = await openEditor();
    const id = editor.idOf('Deploy');
    await editor.state().renameActivity(id, 'Ship');
    editor.gateway.touchActivity(id); // someone else edits it meanwhile
    await editor.state().undo();
    expect(editor.state().failure).toMatchObject({
      kind: 'conflict',
      edit: 'Undo Rename “Deploy” to “Ship”',
    });
    expect(editor.state().undoLabel).toBe('Rename “Deploy” to “Ship”');
  });
});
