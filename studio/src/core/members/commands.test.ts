import { describe, expect, it } from 'vitest';
import { aliasOnlyContext } from '../catalogue/test-context';
import { ConflictError, GatewayError, RuleViolation } from '../errors';
import { AddMember, RemoveMember, UpdateMember } from '.';
import { FakeMemberGateway } from './fake-member-gateway';

function setup() {
  const gateway = new FakeMemberGateway();
  const owner = gateway.seed(gateway.user('Olivia Owner', 'owner@example.org'), 'OWNER');
  const architect = gateway.seed(gateway.user('Arun Architect', 'arun@example.org'), 'ARCHITECT');
  gateway.user('Nina New', 'nina@example.org');
  return { gateway, owner, architect, context: aliasOnlyContext() };
}

describe('AddMember', () => {
  it('finds the user by email and adds them; undo removes; redo adds again (new id, aliased)', async () => {
    const { gateway, context } = setup();
    const command = new AddMember(gateway, 'org-1', ' nina@example.org ', 'TRAINER');
    await command.execute();
    expect(command.label).toBe('Add Nina New as trainer');
    expect(gateway.roles()['nina@example.org']).toBe('TRAINER');
    const firstId = command.memberId!;

    await command.undo(context);
    expect(gateway.roles()['nina@example.org']).toBeUndefined();

    await command.redo(context);
    expect(context.resolve(firstId)).not.toBe(firstId);
    expect(gateway.members.get(context.resolve(firstId))!.role).toBe('TRAINER');
    await command.undo(context);
    expect(gateway.roles()['nina@example.org']).toBeUndefined();
  });

  it('says to ask an administrator when nobody has that email, and adds nothing', async () => {
    const { gateway } = setup();
    const error = await new AddMember(gateway, 'org-1', 'ghost@example.org', 'VIEWER')
      .execute()
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(RuleViolation);
    expect(error.message).toContain('Ask an administrator to create the account first');
    expect(gateway.calls.map((call) => call.method)).toEqual(['userByEmail']);
  });

  it('passes the refusal of an existing member on', async () => {
    const { gateway } = setup();
    await expect(new AddMember(gateway, 'org-1', 'arun@example.org', 'VIEWER').execute()).rejects.toThrow(
      'already a member',
    );
  });
});

describe('UpdateMember', () => {
  it('changes the role; undo restores it; redo changes it again', async () => {
    const { gateway, architect, context } = setup();
    const command = new UpdateMember(gateway, architect, 'VIEWER');
    await command.execute(context);
    expect(command.label).toBe('Make Arun Architect viewer (was architect)');
    expect(gateway.calls.at(-1)).toEqual({
      method: 'updateMember',
      input: { id: architect.id, version: 1, role: 'VIEWER' },
    });
    await command.undo(context);
    expect(gateway.roles()['arun@example.org']).toBe('ARCHITECT');
    await command.redo(context);
    expect(gateway.roles()['arun@example.org']).toBe('VIEWER');
  });

  it('passes the API’s refusal to leave no owner on', async () => {
    const { gateway, owner, context } = setup();
    const error = await new UpdateMember(gateway, owner, 'VIEWER').execute(context).catch((caught) => caught);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error.message).toBe('An organisation needs at least one OWNER: make someone else OWNER first.');
    expect(gateway.roles()['owner@example.org']).toBe('OWNER');
  });

  it('turns a stale version into a conflict; prepareRetry re-reads it', async () => {
    const { gateway, architect, context } = setup();
    await gateway.updateMember({ id: architect.id, version: 1, role: 'TRAINER' });
    const command = new UpdateMember(gateway, architect, 'VIEWER');
    await expect(command.execute(context)).rejects.toBeInstanceOf(ConflictError);
    await command.prepareRetry();
    await command.execute(context);
    await command.undo(context);
    expect(gateway.roles()['arun@example.org']).toBe('TRAINER');
  });
});

describe('RemoveMember', () => {
  it('removes; undo adds the user again with the old role (new id, aliased); redo removes again', async () => {
    const { gateway, architect, context } = setup();
    const command = new RemoveMember(gateway, 'org-1', architect);
    await command.execute(context);
    expect(command.label).toBe('Remove Arun Architect');
    expect(gateway.roles()['arun@example.org']).toBeUndefined();
    await command.undo(context);
    expect(gateway.roles()['arun@example.org']).toBe('ARCHITECT');
    expect(context.resolve(architect.id)).not.toBe(architect.id);
    await command.redo(context);
    expect(gateway.roles()['arun@example.org']).toBeUndefined();
  });

  it('refuses to remove the last owner', async () => {
    const { gateway, owner, context } = setup();
    await expect(new RemoveMember(gateway, 'org-1', owner).execute(context)).rejects.toThrow(
      'at least one OWNER',
    );
  });
});
