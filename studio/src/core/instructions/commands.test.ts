import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../commands';
import { ConflictError, RuleViolation } from '../errors';
import { IdAliases } from '../ids';
import { openEditor } from '../testing/editor';
import { AssignToolToProcess } from './assign-tool';
import { DeriveWorkInstructions } from './derive-instructions';
import { FakeInstructionGateway } from './fake-gateway';
import { UpdateWorkInstruction } from './update-instruction';

/** Change: classify (desk R, manager A), deploy (engineer R, desk R); Operate: monitor (nobody). */
function setup() {
  const gateway = new FakeInstructionGateway([
    { id: 'classify', processKey: 'CHANGE', raci: { desk: ['R'], manager: ['A'] } },
    { id: 'deploy', processKey: 'CHANGE', raci: { engineer: ['R'], desk: ['R', 'A'] } },
    { id: 'monitor', processKey: 'OPERATE', raci: {} },
    { id: 'old', processKey: 'CHANGE', obsolete: true, raci: { desk: ['R'] } },
  ]);
  const aliases = new IdAliases();
  const context = {
    model: () => {
      throw new Error('work-instruction commands do not read the architecture model');
    },
    update: () => undefined,
    resolve: (id: string) => aliases.resolve(id),
    alias: (oldId: string, newId: string) => aliases.alias(oldId, newId),
  } as unknown as CommandContext;
  const pairs = () => [...gateway.instructions.values()].map((i) => `${i.stepId}/${i.roleId}`).sort();
  return { gateway, context, pairs };
}

describe('DeriveWorkInstructions', () => {
  it('creates one per live step and Responsible role; undo deletes them; redo derives again', async () => {
    const { gateway, context, pairs } = setup();
    const command = new DeriveWorkInstructions(gateway, gateway.procedureId, 'Change');
    expect(command.label).toBe('Derive work instructions for “Change”');
    await command.execute(context);
    expect(pairs()).toEqual(['classify/desk', 'deploy/desk', 'deploy/engineer']);
    expect(command.count).toBe(3);
    const first = gateway.find('classify', 'desk').id;

    await command.undo(context);
    expect(pairs()).toEqual([]);

    await command.redo(context);
    expect(pairs()).toEqual(['classify/desk', 'deploy/desk', 'deploy/engineer']);
    // Later commands that knew the first instruction find the re-created one.
    expect(context.resolve(first)).toBe(gateway.find('classify', 'desk').id);
    expect(context.resolve(first)).not.toBe(first);
  });

  it('keeps instructions that existed before, and refuses when there is nothing to derive', async () => {
    const { gateway, context, pairs } = setup();
    await gateway.deriveWorkInstructions(gateway.procedureId);
    gateway.instructions.delete(gateway.find('deploy', 'engineer').id);
    const command = new DeriveWorkInstructions(gateway, gateway.procedureId, 'Change');
    await command.execute(context);
    expect(command.count).toBe(1);
    await command.undo(context);
    expect(pairs()).toEqual(['classify/desk', 'deploy/desk']);
    await command.redo(context);
    const again = new DeriveWorkInstructions(gateway, gateway.procedureId, 'Change');
    await expect(again.execute(context)).rejects.toThrow(RuleViolation);
  });

  it('does not delete on undo what someone has written in meanwhile', async () => {
    const { gateway, context, pairs } = setup();
    const command = new DeriveWorkInstructions(gateway, gateway.procedureId, 'Change');
    await command.execute(context);
    gateway.edit(gateway.find('deploy', 'desk').id, { text: 'Check the plan.' });
    await expect(command.undo(context)).rejects.toThrow(RuleViolation);
    expect(pairs()).toHaveLength(3);
  });
});

describe('UpdateWorkInstruction', () => {
  async function derived() {
    const base = setup();
    await base.gateway.deriveWorkInstructions(base.gateway.procedureId);
    const stored = base.gateway.find('classify', 'desk');
    const edit = (text: string, toolIds: string[], version = stored.version) =>
      new UpdateWorkInstruction(base.gateway, {
        instructionId: stored.id,
        version,
        roleName: 'Service desk',
        stepName: 'Classify',
        previous: { text: stored.text, toolIds: [...stored.toolIds] },
        next: { text, toolIds },
      });
    return { ...base, stored, edit };
  }

  it('saves text and tools with the version; undo restores them; redo saves again', async () => {
    const { context, stored, edit } = await derived();
    const command = edit('# Classify\n\nSet the priority.', ['tool-itsm', 'tool-itsm', 'tool-wiki']);
    expect(command.label).toBe('Edit the work instruction of “Service desk” for “Classify”');
    await command.execute(context);
    expect(stored).toMatchObject({
      text: '# Classify\n\nSet the priority.',
      toolIds: ['tool-itsm', 'tool-wiki'],
    });
    expect(stored.version).toBe(2);

    await command.undo(context);
    expect(stored).toMatchObject({ text: '', toolIds: [], version: 3 });
    await command.redo(context);
    expect(stored).toMatchObject({
      text: '# Classify\n\nSet the priority.',
      toolIds: ['tool-itsm', 'tool-wiki'],
    });
  });

  it('fails with a conflict on a stale version; prepareRetry re-reads it and the retry applies', async () => {
    const { gateway, context, stored, edit } = await derived();
    const command = edit('Mine', ['tool-itsm']);
    gateway.edit(stored.id, { text: 'Theirs' });
    await expect(command.execute(context)).rejects.toThrow(ConflictError);
    expect(stored.text).toBe('Theirs');
    await command.prepareRetry();
    await command.execute(context);
    expect(stored.text).toBe('Mine');
    await command.undo(context);
    expect(stored).toMatchObject({ text: 'Theirs', toolIds: [] });
  });

  it('undo keeps a change someone made meanwhile', async () => {
    const { gateway, context, stored, edit } = await derived();
    const command = edit('Mine', []);
    await command.execute(context);
    gateway.edit(stored.id, { text: 'Theirs' });
    await expect(command.undo(context)).rejects.toThrow(ConflictError);
    expect(stored.text).toBe('Theirs');
  });

  it('undo still works after a later command bumped the version and was undone', async () => {
    const { gateway, context, stored, edit } = await derived();
    const first = edit('One', []);
    await first.execute(context);
    const assign = new AssignToolToProcess(gateway, {
      procedureId: gateway.procedureId,
      processKey: 'CHANGE',
      processName: 'Change',
      toolId: 'tool-itsm',
      toolName: 'ITSM suite',
    });
    await assign.execute(context);
    await assign.undo(context);
    await first.undo(context);
    expect(stored).toMatchObject({ text: '', toolIds: [] });
  });
});

describe('AssignToolToProcess', () => {
  it('adds the tool to every Responsible instruction of the process, creating missing ones', async () => {
    const { gateway, context, pairs } = setup();
    await gateway.deriveWorkInstructions(gateway.procedureId);
    gateway.instructions.delete(gateway.find('deploy', 'engineer').id);
    gateway.edit(gateway.find('classify', 'desk').id, { text: 'Read it.', toolIds: ['tool-wiki'] });
    const command = new AssignToolToProcess(gateway, {
      procedureId: gateway.procedureId,
      processKey: 'CHANGE',
      processName: 'Change',
      toolId: 'tool-itsm',
      toolName: 'ITSM suite',
    });
    expect(command.label).toBe('Use “ITSM suite” for every step of “Change”');
    await command.execute(context);
    expect(pairs()).toEqual(['classify/desk', 'deploy/desk', 'deploy/engineer']);
    expect(gateway.find('classify', 'desk').toolIds).toEqual(['tool-wiki', 'tool-itsm']);
    expect(gateway.find('deploy', 'engineer').toolIds).toEqual(['tool-itsm']);

    await command.undo(context);
    expect(pairs()).toEqual(['classify/desk', 'deploy/desk']);
    expect(gateway.find('classify', 'desk')).toMatchObject({ text: 'Read it.', toolIds: ['tool-wiki'] });
    expect(gateway.find('deploy', 'desk').toolIds).toEqual([]);

    await command.redo(context);
    expect(gateway.find('deploy', 'desk').toolIds).toEqual(['tool-itsm']);
    expect(gateway.find('deploy', 'engineer').toolIds).toEqual(['tool-itsm']);
    await expect(
      new AssignToolToProcess(gateway, {
        procedureId: gateway.procedureId,
        processKey: 'CHANGE',
        processName: 'Change',
        toolId: 'tool-itsm',
        toolName: 'ITSM suite',
      }).execute(context),
    ).rejects.toThrow(RuleViolation);
  });
});

describe('in the editor store', () => {
  it('run, undo and redo share the one history and bump the revision', async () => {
    const editor = await openEditor();
    const { gateway } = setup();
    const revision = editor.state().revision;
    expect(await editor.state().run(new DeriveWorkInstructions(gateway, gateway.procedureId, 'Change'))).toBe(
      true,
    );
    expect(editor.state().undoLabel).toBe('Derive work instructions for “Change”');
    await editor.state().undo();
    expect(gateway.instructions.size).toBe(0);
    await editor.state().redo();
    expect(gateway.instructions.size).toBe(3);
    expect(editor.state().revision).toBe(revision + 3);
  });

  it('a conflicting save is applied again by "Reload and apply my edit"', async () => {
    const editor = await openEditor();
    const { gateway } = setup();
    await gateway.deriveWorkInstructions(gateway.procedureId);
    const stored = gateway.find('deploy', 'engineer');
    const command = new UpdateWorkInstruction(gateway, {
      instructionId: stored.id,
      version: stored.version,
      roleName: 'Engineer',
      stepName: 'Deploy',
      previous: { text: '', toolIds: [] },
      next: { text: 'Roll out.', toolIds: ['tool-ci'] },
    });
    gateway.edit(stored.id, { toolIds: ['tool-wiki'] });
    expect(await editor.state().run(command)).toBe(false);
    expect(editor.state().failure?.kind).toBe('conflict');
    await editor.state().reloadAfterConflict(true);
    expect(stored).toMatchObject({ text: 'Roll out.', toolIds: ['tool-ci'] });
    await editor.state().undo();
    expect(stored).toMatchObject({ text: '', toolIds: ['tool-wiki'] });
  });
});
