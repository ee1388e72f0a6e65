import { describe, expect, it } from 'vitest';
import { ARRANGEMENT } from '../layout';
import { openEditor } from '../testing/editor';

describe('arranging the process containers through the store', () => {
  it('saves the move, undoes it to the default and redoes it, with the organisation version', async () => {
    const editor = await openEditor();
    const changeId = editor.state().model!.processIdByKey.CHANGE;
    await editor.state().shiftProcess(changeId, 'left');
    expect(editor.gateway.arrangement).toEqual([
      ['IMPROVE'],
      ['AGREE'],
      ['CHANGE'],
      ['RECOVER'],
      ['OPERATE'],
    ]);
    expect(editor.state().undoLabel).toBe('Move Change left');
    // The layout follows: Change now stands left of Recover.
    const layout = editor.state().layout!;
    const recoverId = editor.state().model!.processIdByKey.RECOVER;
    expect(layout.processes[changeId]!.x).toBeLessThan(layout.processes[recoverId]!.x);

    await editor.state().undo();
    expect(editor.gateway.arrangement).toBeNull();
    await editor.state().redo();
    expect(editor.gateway.arrangement).toHaveLength(5);
    expect(editor.gateway.organisationVersion).toBe(4);
  });

  it('drops a dragged container into the column under it, and forgets a move back to the default', async () => {
    const editor = await openEditor();
    const model = editor.state().model!;
    const agreeId = model.processIdByKey.AGREE;
    const changeBox = editor.state().layout!.processes[model.processIdByKey.CHANGE]!;
    editor.state().dragProcess(agreeId, changeBox.x, changeBox.y + changeBox.height + 10);
    expect(editor.state().processDrag).toMatchObject({ processId: agreeId });
    await editor.state().dropProcess(agreeId, changeBox.x, changeBox.y + changeBox.height + 10);
    expect(editor.gateway.arrangement).toEqual([['IMPROVE'], ['RECOVER'], ['CHANGE', 'AGREE'], ['OPERATE']]);
    expect(editor.state().processDrag).toBeNull();

    await editor.state().arrangeProcesses(ARRANGEMENT, 'Default arrangement');
    expect(editor.gateway.arrangement).toBeNull();
  });

  it('reports a concurrent rearrangement as a conflict and saves nothing', async () => {
    const editor = await openEditor();
    editor.gateway.organisationVersion = 7;
    await editor.state().shiftProcess(editor.state().model!.processIdByKey.OPERATE, 'left');
    expect(editor.state().failure?.kind).toBe('conflict');
    expect(editor.gateway.arrangement).toBeNull();
  });
});
