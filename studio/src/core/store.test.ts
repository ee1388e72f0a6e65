import { describe, expect, it, vi } from 'vitest';
import { handoversFrom } from './model';
import { createEditorStore } from './store';
import { openEditor } from './testing/editor';
import { referenceLikeGateway } from './testing/fake-gateway';

describe('opening an organisation', () => {
  it('loads the model and lays it out; an unknown organisation is "missing"', async () => {
    const editor = await openEditor();
    expect(editor.state().status).toBe('ready');
    expect(editor.state().model!.processIds).toHaveLength(5);
    expect(Object.keys(editor.state().layout!.activities)).toHaveLength(17);
    expect(editor.state().editable).toBe(true);

    const store = createEditorStore(referenceLikeGateway());
    await store.getState().open('org-unknown');
    expect(store.getState().status).toBe('missing');
  });

  it('shows a load failure', async () => {
    const gateway = referenceLikeGateway();
    gateway.loadOrganisation = async () => {
      throw new Error('offline');
    };
    const store = createEditorStore(gateway);
    await store.getState().open(gateway.organisationId);
    expect(store.getState()).toMatchObject({ status: 'error', loadError: 'offline' });
  });

  it('does not let viewers edit', async () => {
    const gateway = referenceLikeGateway();
    gateway.role = 'VIEWER';
    const editor = await openEditor(gateway);
    expect(editor.state().editable).toBe(false);
    await editor.state().renameActivity(editor.idOf('Deploy'), 'Ship');
    expect(editor.names('CHANGE')).toContain('Deploy');
    expect(editor.gateway.calls.map((call) => call.method)).toEqual(['loadOrganisation']);
  });
});

describe('the walkthrough’s current step', () => {
  it('marks one activity as current, without entering the history', async () => {
    const editor = await openEditor();
    expect(editor.state().currentActivityId).toBeNull();
    const deploy = editor.idOf('Deploy');
    editor.state().showCurrentStep(deploy);
    expect(editor.state().currentActivityId).toBe(deploy);
    expect(editor.state().undoLabel).toBeNull();
    expect(editor.state().revision).toBe(0);
    editor.state().showCurrentStep(null);
    expect(editor.state().currentActivityId).toBeNull();
  });
});

describe('selection and deleting it', () => {
  it('applies React Flow select changes without entering the history', async () => {
    const editor = await openEditor();
    const [a, b] = [editor.idOf('Deploy'), editor.idOf('Recover')];
    editor.state().changeSelection([
      { id: a, selected: true },
      { id: b, selected: true },
    ]);
    editor.state().changeSelection([{ id: a, selected: false }]);
    expect(editor.state().selection).toEqual([b]);
    expect(editor.state().undoLabel).toBeNull();
  });

  it('deletes the selection as one undoable step; hand-overs of deleted activities come back with them', async () => {
    const editor = await openEditor();
    const model = editor.state().model!;
    const measure = editor.idOf('Deploy measure');
    const realizeFork = handoversFrom(model, editor.idOf('Realize'))[0]!;
    const measureFork = handoversFrom(model, measure)[0]!;
    editor.state().select([measure, realizeFork.id, measureFork.id, editor.idOf('Accept RFC')]);
    await editor.state().deleteSelection();
    expect(editor.state().undoLabel).toBe('Delete 3 items');
    expect(editor.names('IMPROVE')).toEqual(['Identify risks', 'Evaluate & close']);
    expect(editor.names('CHANGE')[0]).toBe('Classify');
    expect(Object.keys(editor.state().model!.handovers)).toHaveLength(2);
    expect(editor.state().selection).toEqual([]);

    await editor.state().undo();
    expect(editor.names('IMPROVE')).toEqual(['Identify risks', 'Deploy measure', 'Evaluate & close']);
    expect(Object.keys(editor.state().model!.handovers)).toHaveLength(6);
    expect(editor.gateway.liveNames('CHANGE')[0]).toBe('Accept RFC');
  });
});

describe('drafts, renames and drags', () => {
  it('names a new activity in a free row; only saving it enters the history', async () => {
    const editor = await openEditor();
    const change = editor.gateway.processId('CHANGE');
    editor.state().startDraft(change, 2);
    expect(editor.state().layout!.draft).toMatchObject({ processId: change, position: 2 });
    expect(editor.state().undoLabel).toBeNull();
    await editor.state().commitDraft('Assess');
    expect(editor.names('CHANGE')).toEqual([
      'Accept RFC',
      'Assess',
      'Classify',
      'Deploy',
      'Evaluate & close',
    ]);
    expect(editor.state().layout!.draft).toBeNull();
    expect(editor.state().selection).toEqual([editor.idOf('Assess')]);
    expect(editor.state().undoLabel).toBe('Add activity “Assess”');
  });

  it('renames inline: an unchanged name sends nothing', async () => {
    const editor = await openEditor();
    const id = editor.idOf('Deploy');
    editor.state().startRename(id);
    expect(editor.state().editingId).toBe(id);
    await editor.state().renameActivity(id, ' Deploy ');
    expect(editor.state().editingId).toBeNull();
    expect(editor.gateway.calls).toHaveLength(1);
  });

  it('turns a drag into one move command when it ends, at the place it was dropped', async () => {
    const editor = await openEditor();
    const id = editor.idOf('Accept RFC');
    const deployBox = editor.state().layout!.activities[editor.idOf('Deploy')]!;
    editor.state().dragActivity(id, 120);
    editor.state().dragActivity(id, deployBox.y + 3);
    expect(editor.state().drag).toEqual({ activityId: id, y: deployBox.y + 3 });
    // While dragging, the others make room: Classify and Deploy have moved up one place.
    const slot = deployBox.height + 8;
    const classify = editor.state().model!.processes[editor.gateway.processId('CHANGE')]!.activityIds[1]!;
    expect(editor.state().layout!.activities[classify]!.y).toBe(deployBox.y - 2 * slot);
    expect(editor.state().layout!.activities[editor.idOf('Deploy')]!.y).toBe(deployBox.y - slot);
    expect(editor.state().undoLabel).toBeNull();
    await editor.state().dropActivity(id, deployBox.y + 3);
    expect(editor.names('CHANGE')).toEqual(['Classify', 'Deploy', 'Accept RFC', 'Evaluate & close']);
    expect(editor.state().drag).toBeNull();
    expect(editor.state().undoLabel).toBe('Move “Accept RFC” to place 3');
  });

  it('moves with the keyboard one place at a time, not past the ends', async () => {
    const editor = await openEditor();
    const id = editor.idOf('Accept RFC');
    await editor.state().nudgeActivity(id, -1);
    expect(editor.gateway.calls).toHaveLength(1);
    await editor.state().nudgeActivity(id, 1);
    expect(editor.names('CHANGE').slice(0, 2)).toEqual(['Classify', 'Accept RFC']);
  });
});

describe('conflicts', () => {
  it('reports what was not saved, keeps the typed text, and can reload and apply the edit again', async () => {
    const editor = await openEditor();
    const id = editor.idOf('Deploy');
    editor.gateway.touchActivity(id, 'Roll out');
    await editor.state().renameActivity(id, 'Ship');
    expect(editor.state().failure).toMatchObject({
      kind: 'conflict',
      pendingText: 'Ship',
      currentVersion: 2,
      edit: 'Rename “Deploy” to “Ship”',
    });
    // Then it reads what the server holds and says what changed meanwhile.
    await vi.waitFor(() =>
      expect(editor.state().failure?.changes).toEqual(['“Deploy” was renamed to “Roll out”.']),
    );
    await editor.state().reloadAfterConflict(true);
    expect(editor.state().failure).toBeNull();
    expect(editor.names('CHANGE')).toContain('Ship');
    expect(editor.state().undoLabel).toBe('Rename “Roll out” to “Ship”');
    await editor.state().undo();
    expect(editor.names('CHANGE')).toContain('Roll out');
  });

  it('refuses an illegal connection with the rules’ reason', async () => {
    const editor = await openEditor();
    await editor.state().connect(editor.idOf('Deploy'), editor.gateway.processId('AGREE'), 'FORK');
    expect(editor.state().failure).toMatchObject({
      kind: 'refused',
      message: 'Change may fork only to Operate (by a service request), not to Agree.',
    });
    editor.state().setConnectKind('SPAWN');
    await editor.state().connect(editor.idOf('Deploy'), editor.gateway.processId('AGREE'));
    expect(editor.state().failure).toBeNull();
    expect(handoversFrom(editor.state().model!, editor.idOf('Deploy')).map((h) => h.kind)).toEqual([
      'FORK',
      'SPAWN',
    ]);
  });
});
