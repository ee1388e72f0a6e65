import { describe, expect, it } from 'vitest';
import { ConflictError, MissingObjectError, RuleViolation } from '../errors';
import { commandContext, openEditor } from '../testing/editor';
import { AssignResponsibility, AssignRoleToProcess, DeriveProcedure, RenameProcedure } from './commands';
import { FakeProcedureGateway } from './fake-procedure-gateway';
import { movedProcedures } from './moved-ids';

const CHANGE = { kind: 'process', processKey: 'CHANGE', name: 'Change' } as const;

async function derived(gateway = new FakeProcedureGateway()) {
  const setup = await commandContext();
  const derive = new DeriveProcedure(gateway, 'org-1', CHANGE, ' Change routine ');
  await derive.execute();
  const procedure = (await gateway.readProcedure(derive.procedureId!))!;
  return { ...setup, gateway, derive, procedure, stepIds: procedure.steps.map((step) => step.id) };
}

function cell(stepId: string, roleId = 'role-desk') {
  return {
    stepId,
    stepName: 'Classify',
    roleId,
    roleName: roleId === 'role-desk' ? 'Service desk' : 'Manager',
  };
}

describe('DeriveProcedure', () => {
  it('derives, undo deletes it with its version, redo derives again under a new id that later commands follow', async () => {
    const { gateway, derive, context, procedure, stepIds } = await derived();
    expect(procedure.name).toBe('Change routine');
    expect(derive.label).toBe('Derive procedure “Change routine”');
    expect(gateway.calls[0]).toEqual({
      method: 'deriveProcedure',
      input: { organisationId: 'org-1', name: 'Change routine', processKey: 'CHANGE' },
    });
    const rename = new RenameProcedure(gateway, procedure.id, 'Renamed');
    await rename.execute(context);

    await rename.undo(context);
    await derive.undo(context);
    expect(gateway.calls.at(-1)).toEqual({
      method: 'deleteProcedure',
      input: { id: procedure.id, version: 3 },
    });
    expect(gateway.procedures.size).toBe(0);

    await derive.redo(context);
    const newId = context.resolve(procedure.id);
    expect(newId).not.toBe(procedure.id);
    expect(movedProcedures.resolve(procedure.id)).toBe(newId);
    expect(context.resolve(stepIds[1]!)).toBe((await gateway.readProcedure(newId))!.steps[1]!.id);
    await rename.redo(context);
    expect((await gateway.readProcedure(newId))!.name).toBe('Renamed');

    await rename.undo(context);
    await derive.undo(context);
    expect(gateway.procedures.size).toBe(0);
  });

  it('derives from a workflow by its number, named after the source by default', async () => {
    const gateway = new FakeProcedureGateway();
    const derive = new DeriveProcedure(gateway, 'org-1', { kind: 'workflow', number: 2, name: 'Incident' });
    expect(derive.label).toBe('Derive procedure “Incident”');
    await derive.execute();
    expect(gateway.calls[0]!.input).toEqual({ organisationId: 'org-1', name: null, workflowNumber: 2 });
    expect((await gateway.readProcedure(derive.procedureId!))!.steps).toHaveLength(4);
  });

  it('cannot undo when the procedure is gone', async () => {
    const { gateway, derive, context, procedure } = await derived();
    await gateway.deleteProcedure({ id: procedure.id, version: procedure.version });
    await expect(derive.undo(context)).rejects.toThrow(MissingObjectError);
  });
});

describe('RenameProcedure', () => {
  it('renames with the version it reads, undo renames back, redo again', async () => {
    const { gateway, context, procedure } = await derived();
    const rename = new RenameProcedure(gateway, procedure.id, '  Our change  ');
    await rename.execute(context);
    expect(gateway.calls.at(-1)).toEqual({
      method: 'updateProcedure',
      input: { id: procedure.id, version: 1, name: 'Our change' },
    });
    expect(rename.label).toBe('Rename procedure “Change routine” to “Our change”');
    await rename.undo(context);
    expect((await gateway.readProcedure(procedure.id))!.name).toBe('Change routine');
    await rename.redo(context);
    expect((await gateway.readProcedure(procedure.id))!.name).toBe('Our change');
  });

  it('refuses a blank name without calling the API', async () => {
    const { gateway, context, procedure } = await derived();
    const calls = gateway.calls.length;
    await expect(new RenameProcedure(gateway, procedure.id, '  ').execute(context)).rejects.toThrow(
      RuleViolation,
    );
    expect(gateway.calls.length).toBe(calls);
  });
});

describe('AssignResponsibility', () => {
  it('sets one cell, undo restores its previous letters, redo sets them again', async () => {
    const { gateway, context, procedure, stepIds } = await derived();
    await gateway.assignResponsibility({ stepId: stepIds[1]!, roleId: 'role-desk', raci: ['C'] });
    const command = new AssignResponsibility(gateway, cell(stepIds[1]!), ['A', 'R']);
    await command.execute(context);
    expect(command.label).toBe('Give “Service desk” RA on “Classify”');
    expect(command.previousLetters).toEqual(['C']);
    expect(gateway.calls.at(-1)).toEqual({
      method: 'assignResponsibility',
      input: { stepId: stepIds[1], roleId: 'role-desk', raci: ['R', 'A'], version: 2 },
    });
    expect(gateway.lettersAt(procedure.id, 2, 'role-desk')).toBe('RA');
    await command.undo(context);
    expect(gateway.lettersAt(procedure.id, 2, 'role-desk')).toBe('C');
    await command.redo(context);
    expect(gateway.lettersAt(procedure.id, 2, 'role-desk')).toBe('RA');
  });

  it('removing all letters takes the role off; undo puts it back', async () => {
    const { gateway, context, procedure, stepIds } = await derived();
    await gateway.assignResponsibility({ stepId: stepIds[0]!, roleId: 'role-desk', raci: ['R'] });
    const command = new AssignResponsibility(gateway, cell(stepIds[0]!), []);
    expect(command.label).toBe('Take “Service desk” off “Classify”');
    await command.execute(context);
    expect(gateway.lettersAt(procedure.id, 1, 'role-desk')).toBe('');
    await command.undo(context);
    expect(gateway.lettersAt(procedure.id, 1, 'role-desk')).toBe('R');
  });

  it('passes on the API refusal of a second Accountable', async () => {
    const { gateway, context, stepIds } = await derived();
    await gateway.assignResponsibility({ stepId: stepIds[0]!, roleId: 'role-boss', raci: ['A'] });
    await expect(
      new AssignResponsibility(gateway, cell(stepIds[0]!), ['A']).execute(context),
    ).rejects.toThrow(/already Accountable/);
  });

  it('turns a stale version into a ConflictError', async () => {
    const { gateway, context, stepIds } = await derived();
    const stale = { ...gateway.steps.get(stepIds[0]!)! };
    gateway.readStep = async () => stale;
    await gateway.assignResponsibility({ stepId: stepIds[0]!, roleId: 'role-boss', raci: ['I'] });
    await expect(
      new AssignResponsibility(gateway, cell(stepIds[0]!), ['R']).execute(context),
    ).rejects.toThrow(ConflictError);
  });
});

describe('AssignRoleToProcess', () => {
  it('gives a role letters on every step of a process; undo restores each step', async () => {
    const { gateway, context, procedure, stepIds } = await derived();
    await gateway.assignResponsibility({ stepId: stepIds[2]!, roleId: 'role-desk', raci: ['C'] });
    const command = new AssignRoleToProcess(
      gateway,
      { procedureId: procedure.id, roleId: 'role-desk', roleName: 'Service desk', processKey: 'CHANGE' },
      ['R'],
    );
    expect(command.label).toBe('Give “Service desk” R on every Change step');
    await command.execute(context);
    expect([1, 2, 3].map((at) => gateway.lettersAt(procedure.id, at, 'role-desk'))).toEqual(['R', 'R', 'R']);
    await command.undo(context);
    expect([1, 2, 3].map((at) => gateway.lettersAt(procedure.id, at, 'role-desk'))).toEqual(['', '', 'C']);
    await command.redo(context);
    expect([1, 2, 3].map((at) => gateway.lettersAt(procedure.id, at, 'role-desk'))).toEqual(['R', 'R', 'R']);
  });
});

describe('procedure commands in the editor store', () => {
  it('share the history: undo and redo bump the revision', async () => {
    const editor = await openEditor();
    const gateway = new FakeProcedureGateway();
    const derive = new DeriveProcedure(gateway, 'org-1', CHANGE);
    expect(await editor.state().run(derive)).toBe(true);
    const revision = editor.state().revision;
    expect(editor.state().undoLabel).toBe('Derive procedure “Change”');
    await editor.state().undo();
    expect(gateway.procedures.size).toBe(0);
    expect(editor.state().revision).toBe(revision + 1);
    await editor.state().redo();
    expect(gateway.procedures.size).toBe(1);
  });

  it('shows the API refusal through the shared failure', async () => {
    const editor = await openEditor();
    const { gateway, stepIds } = await derived();
    await gateway.assignResponsibility({ stepId: stepIds[0]!, roleId: 'role-boss', raci: ['A'] });
    expect(await editor.state().run(new AssignResponsibility(gateway, cell(stepIds[0]!), ['A']))).toBe(false);
    expect(editor.state().failure).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/Accountable/),
    });
  });
});
