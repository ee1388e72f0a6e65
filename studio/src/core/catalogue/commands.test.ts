import { describe, expect, it } from 'vitest';
import { ConflictError, GatewayError, MissingObjectError, RuleViolation } from '../errors';
import { CreateRole, CreateTool, DeleteRole, DeleteTool, UpdateRole, UpdateTool } from '.';
import { FakeCatalogueGateway } from './fake-catalogue-gateway';
import { aliasOnlyContext } from './test-context';

function setup() {
  return { gateway: new FakeCatalogueGateway(), context: aliasOnlyContext() };
}

describe('CreateRole / CreateTool', () => {
  it('creates; undo deletes it; redo creates it again under a new id that the first one resolves to', async () => {
    const { gateway, context } = setup();
    const command = new CreateRole(gateway, 'org-1', '  Change Manager ', ' Owns changes ');
    expect(command.name).toBe('CreateRole');
    await command.execute();
    expect(command.label).toBe('Create role “Change Manager”');
    const firstId = command.entryId!;
    expect(await gateway.entry('role', firstId)).toMatchObject({
      name: 'Change Manager',
      description: 'Owns changes',
    });

    await command.undo(context);
    expect(gateway.names('role')).toEqual([]);

    await command.redo(context);
    const currentId = context.resolve(firstId);
    expect(currentId).not.toBe(firstId);
    expect(await gateway.entry('role', currentId)).toMatchObject({ name: 'Change Manager' });

    // Undo after redo deletes the re-created one.
    await command.undo(context);
    expect(gateway.names('role')).toEqual([]);
  });

  it('refuses an empty name without calling the API, and passes a duplicate refusal on', async () => {
    const { gateway } = setup();
    await expect(new CreateTool(gateway, 'org-1', '  ').execute()).rejects.toThrow(RuleViolation);
    expect(gateway.calls).toEqual([]);
    gateway.seed('tool', 'Wiki');
    const error = await new CreateTool(gateway, 'org-1', 'wiki').execute().catch((caught) => caught);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error.code).toBe('BAD_USER_INPUT');
  });
});

describe('UpdateRole / UpdateTool', () => {
  it('renames; undo restores name and description; redo applies them again', async () => {
    const { gateway, context } = setup();
    const role = gateway.seed('role', 'Agent', 'Takes calls');
    const command = new UpdateRole(gateway, role, { name: 'Service Desk Agent' });
    expect(command.label).toBe('Rename role “Agent” to “Service Desk Agent”');
    await command.execute(context);
    expect(gateway.calls.at(-1)).toEqual({
      method: 'update',
      input: { id: role.id, version: 1, name: 'Service Desk Agent', description: 'Takes calls' },
    });
    await command.undo(context);
    expect(await gateway.entry('role', role.id)).toMatchObject({ name: 'Agent', description: 'Takes calls' });
    await command.redo(context);
    expect(await gateway.entry('role', role.id)).toMatchObject({ name: 'Service Desk Agent', version: 4 });
  });

  it('describes a tool, labelled as such', async () => {
    const { gateway, context } = setup();
    const tool = gateway.seed('tool', 'Wiki');
    const command = new UpdateTool(gateway, tool, { description: 'Knowledge base' });
    expect(command.name).toBe('UpdateTool');
    expect(command.label).toBe('Describe tool “Wiki”');
    expect(new UpdateTool(gateway, tool, { name: 'Wiki ' }).changesSomething).toBe(false);
    await command.execute(context);
    await command.undo(context);
    expect(await gateway.entry('tool', tool.id)).toMatchObject({ description: '' });
  });

  it('sends the version the user saw: a change by someone else is a conflict; prepareRetry re-reads it', async () => {
    const { gateway, context } = setup();
    const role = gateway.seed('role', 'Agent');
    gateway.touch(role.id, 'Desk agent');
    const command = new UpdateRole(gateway, role, { name: 'Analyst' });
    const error = await command.execute(context).catch((caught) => caught);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ sentVersion: 1, currentVersion: 2, objectName: 'Agent' });
    await command.prepareRetry();
    await command.execute(context);
    expect(await gateway.entry('role', role.id)).toMatchObject({ name: 'Analyst' });
    await command.undo(context);
    expect(await gateway.entry('role', role.id)).toMatchObject({ name: 'Desk agent' });
  });
});

describe('DeleteRole / DeleteTool', () => {
  it('deletes; undo re-creates it with name and description (new id, aliased); redo deletes that one', async () => {
    const { gateway, context } = setup();
    const tool = gateway.seed('tool', 'Wiki', 'Knowledge base');
    const command = new DeleteTool(gateway, 'org-1', tool);
    expect(command.label).toBe('Delete tool “Wiki”');
    await command.execute(context);
    expect(gateway.names('tool')).toEqual([]);
    await command.undo(context);
    const recreated = context.resolve(tool.id);
    expect(recreated).not.toBe(tool.id);
    expect(await gateway.entry('tool', recreated)).toMatchObject({
      name: 'Wiki',
      description: 'Knowledge base',
    });
    await command.redo(context);
    expect(gateway.names('tool')).toEqual([]);
  });

  it('passes the API’s refusal naming the procedures on, and deletes nothing', async () => {
    const { gateway, context } = setup();
    const role = gateway.seed('role', 'Change Manager');
    gateway.impacts.set(role.id, {
      procedures: [{ id: 'p1', name: 'Change' }],
      stepCount: 2,
      workInstructionCount: 0,
    });
    const error = await new DeleteRole(gateway, 'org-1', role).execute(context).catch((caught) => caught);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error.message).toContain('"Change"');
    expect(gateway.names('role')).toEqual(['Change Manager']);
  });

  it('a later command finds the role re-created by an earlier undo', async () => {
    const { gateway, context } = setup();
    const role = gateway.seed('role', 'Agent');
    const remove = new DeleteRole(gateway, 'org-1', role);
    await remove.execute(context);
    await remove.undo(context);
    const current = (await gateway.entry('role', context.resolve(role.id)))!;
    const rename = new UpdateRole(gateway, current, { name: 'Analyst' });
    await rename.execute(context);
    await rename.undo(context);
    await remove.redo(context);
    expect(gateway.names('role')).toEqual([]);
    await expect(rename.redo(context)).rejects.toThrow(MissingObjectError);
  });
});
