import { describe, expect, it } from 'vitest';
import { ConflictError, GatewayError, RuleViolation } from '../errors';
import { handoversFrom } from '../model';
import { commandContext, serverModel } from '../testing/editor';
import {
  AddActivity,
  AddHandover,
  Batch,
  DeleteActivity,
  DeleteHandover,
  MoveActivity,
  RenameActivity,
} from '.';

/** After every step the editor's model must equal a fresh read from the server. */
async function expectInSync(setup: Awaited<ReturnType<typeof commandContext>>) {
  const fresh = await serverModel(setup.gateway);
  expect(setup.model().activities).toEqual(fresh.activities);
  expect(setup.model().handovers).toEqual(fresh.handovers);
  expect(setup.model().processes).toEqual(fresh.processes);
}

describe('AddActivity', () => {
  it('adds at a position, undo deletes it, redo adds it again (under a new id)', async () => {
    const setup = await commandContext();
    const command = new AddActivity(setup.gateway.processId('CHANGE'), '  Assess risk ', 3);
    await command.execute(setup.context);
    expect(setup.names('CHANGE')).toEqual([
      'Accept RFC',
      'Classify',
      'Assess risk',
      'Deploy',
      'Evaluate & close',
    ]);
    expect(command.label).toBe('Add activity “Assess risk”');
    await expectInSync(setup);
    const firstId = command.activityId!;

    await command.undo(setup.context);
    expect(setup.names('CHANGE')).toEqual(['Accept RFC', 'Classify', 'Deploy', 'Evaluate & close']);
    expect(setup.gateway.activities.get(firstId)!.deleted).toBe(true);
    await expectInSync(setup);

    await command.redo(setup.context);
    expect(setup.names('CHANGE')[2]).toBe('Assess risk');
    const recreated = setup.context.resolve(firstId);
    expect(recreated).not.toBe(firstId);
    expect(setup.model().activities[recreated]!.name).toBe('Assess risk');
    await expectInSync(setup);
  });

  it('appends by default and refuses an empty name without calling the API', async () => {
    const setup = await commandContext();
    await new AddActivity(setup.gateway.processId('OPERATE'), 'Report').execute(setup.context);
    expect(setup.names('OPERATE').at(-1)).toBe('Report');
    const calls = setup.gateway.calls.length;
    await expect(
      new AddActivity(setup.gateway.processId('OPERATE'), '   ').execute(setup.context),
    ).rejects.toThrow(RuleViolation);
    expect(setup.gateway.calls.length).toBe(calls);
  });
});

describe('RenameActivity', () => {
  it('renames, undoes to the previous name and redoes, sending the version it read', async () => {
    const setup = await commandContext();
    const id = setup.idOf('Classify');
    const before = setup.model().activities[id]!.version;
    const command = new RenameActivity(id, 'Triage');
    await command.execute(setup.context);
    expect(setup.model().activities[id]!.name).toBe('Triage');
    expect(setup.gateway.calls.at(-1)).toEqual({
      method: 'updateActivity',
      input: { id, version: before, name: 'Triage' },
    });
    expect(command.label).toBe('Rename “Classify” to “Triage”');

    await command.undo(setup.context);
    expect(setup.model().activities[id]!.name).toBe('Classify');
    await command.redo(setup.context);
    expect(setup.model().activities[id]!.name).toBe('Triage');
    await expectInSync(setup);
  });

  it('turns a stale version into a ConflictError the UI can show', async () => {
    const setup = await commandContext();
    const id = setup.idOf('Deploy');
    setup.gateway.touchActivity(id, 'Roll out');
    const error = await new RenameActivity(id, 'Ship').execute(setup.context).catch((caught) => caught);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      code: 'CONFLICT',
      sentVersion: 1,
      currentVersion: 2,
      objectName: 'Deploy',
    });
    expect(error.message).toBe(
      '“Deploy” was changed by someone else (you had version 1, it is now 2), so “Rename “Deploy” to “Ship”” was not saved.',
    );
    expect(setup.gateway.activities.get(id)!.name).toBe('Roll out');
  });
});

describe('MoveActivity', () => {
  it('moves within the process, keeping positions contiguous; undo moves it back', async () => {
    const setup = await commandContext();
    const change = new MoveActivity(setup.idOf('Deploy'), 1);
    await change.execute(setup.context);
    expect(setup.names('CHANGE')).toEqual(['Deploy', 'Accept RFC', 'Classify', 'Evaluate & close']);
    const positions = setup
      .model()
      .processes[
        setup.gateway.processId('CHANGE')
      ]!.activityIds.map((id) => setup.model().activities[id]!.position);
    expect(positions).toEqual([1, 2, 3, 4]);
    await change.undo(setup.context);
    expect(setup.names('CHANGE')).toEqual(['Accept RFC', 'Classify', 'Deploy', 'Evaluate & close']);
    await change.redo(setup.context);
    expect(setup.names('CHANGE')[0]).toBe('Deploy');
    await expectInSync(setup);
  });

  it('refuses a place outside the process', async () => {
    const setup = await commandContext();
    await expect(new MoveActivity(setup.idOf('Deploy'), 9).execute(setup.context)).rejects.toThrow(
      RuleViolation,
    );
  });
});

describe('DeleteActivity', () => {
  it('deletes with its hand-overs; undo re-creates both at the same place under new ids; redo deletes again', async () => {
    const setup = await commandContext();
    const id = setup.idOf('Deploy measure');
    expect(handoversFrom(setup.model(), id)).toHaveLength(3);
    const command = new DeleteActivity(id);
    await command.execute(setup.context);
    expect(setup.names('IMPROVE')).toEqual(['Identify risks', 'Evaluate & close']);
    expect(Object.values(setup.model().handovers).filter((h) => h.fromActivityId === id)).toHaveLength(0);
    expect(setup.gateway.activities.get(id)!.deleted).toBe(true); // the API keeps a tombstone
    await expectInSync(setup);

    await command.undo(setup.context);
    expect(setup.names('IMPROVE')).toEqual(['Identify risks', 'Deploy measure', 'Evaluate & close']);
    const recreated = setup.context.resolve(id);
    expect(recreated).not.toBe(id);
    expect(
      handoversFrom(setup.model(), recreated)
        .map((handover) => `${handover.kind} ${handover.targetKey}`)
        .sort(),
    ).toEqual(['FORK AGREE', 'FORK CHANGE', 'FORK OPERATE']);
    await expectInSync(setup);

    await command.redo(setup.context);
    expect(setup.names('IMPROVE')).toEqual(['Identify risks', 'Evaluate & close']);
    await command.undo(setup.context);
    expect(setup.names('IMPROVE')).toEqual(['Identify risks', 'Deploy measure', 'Evaluate & close']);
    await expectInSync(setup);
  });

  it('keeps earlier commands working on the re-created activity (ids are aliased)', async () => {
    const setup = await commandContext();
    const id = setup.idOf('Classify');
    const rename = new RenameActivity(id, 'Triage');
    const remove = new DeleteActivity(id);
    await rename.execute(setup.context);
    await remove.execute(setup.context);
    await remove.undo(setup.context);
    await rename.undo(setup.context); // acts on the re-created activity
    expect(setup.names('AGREE')).toContain('Classify');
    expect(setup.model().activities[setup.context.resolve(id)]!.name).toBe('Classify');
    await expectInSync(setup);
  });
});

describe('AddHandover and DeleteHandover', () => {
  it('adds a fork the rules allow, with the call type that enters the target; undo and redo', async () => {
    const setup = await commandContext();
    const recover = setup.idOf('Recover');
    const command = new AddHandover(recover, setup.gateway.processId('CHANGE'), 'FORK');
    await command.execute(setup.context);
    expect(handoversFrom(setup.model(), recover)).toMatchObject([
      { kind: 'FORK', callType: 'RFC', targetKey: 'CHANGE' },
    ]);
    expect(command.label).toBe('Add fork from “Recover” to Change (RFC)');
    await command.undo(setup.context);
    expect(handoversFrom(setup.model(), recover)).toEqual([]);
    await command.redo(setup.context);
    expect(handoversFrom(setup.model(), recover)).toHaveLength(1);
    await command.undo(setup.context); // the re-created one, through its alias
    expect(handoversFrom(setup.model(), recover)).toEqual([]);
    await expectInSync(setup);
  });

  it('refuses a fork the USM rules forbid, with the reason, without calling the API', async () => {
    const setup = await commandContext();
    const calls = setup.gateway.calls.length;
    const command = new AddHandover(
      setup.idOf('Execute the activities'),
      setup.gateway.processId('CHANGE'),
      'FORK',
    );
    await expect(command.execute(setup.context)).rejects.toThrow(
      'Operate forks to nothing: it carries out the work itself and calls no other process.',
    );
    expect(setup.gateway.calls.length).toBe(calls);
  });

  it('deletes a hand-over; undo creates it again; redo deletes the re-created one', async () => {
    const setup = await commandContext();
    const deploy = setup.idOf('Deploy');
    const [handover] = handoversFrom(setup.model(), deploy);
    const command = new DeleteHandover(handover!.id);
    await command.execute(setup.context);
    expect(handoversFrom(setup.model(), deploy)).toEqual([]);
    expect(command.label).toBe('Delete fork from “Deploy” to Operate (service request)');
    await command.undo(setup.context);
    expect(handoversFrom(setup.model(), deploy)).toMatchObject([
      { callType: 'SERVICE_REQUEST', kind: 'FORK' },
    ]);
    await command.redo(setup.context);
    expect(handoversFrom(setup.model(), deploy)).toEqual([]);
    await expectInSync(setup);
  });
});

describe('Batch', () => {
  it('runs its commands as one step and undoes them in reverse', async () => {
    const setup = await commandContext();
    const batch = new Batch('Delete 2 items', [
      new DeleteActivity(setup.idOf('Identify risks')),
      new DeleteActivity(setup.idOf('Accept RFC')),
    ]);
    await batch.execute(setup.context);
    expect(setup.names('IMPROVE')).toEqual(['Deploy measure', 'Evaluate & close']);
    expect(setup.names('CHANGE')).toEqual(['Classify', 'Deploy', 'Evaluate & close']);
    await batch.undo(setup.context);
    expect(setup.names('IMPROVE')[0]).toBe('Identify risks');
    expect(setup.names('CHANGE')[0]).toBe('Accept RFC');
    await batch.redo(setup.context);
    expect(setup.names('CHANGE')[0]).toBe('Classify');
    await expectInSync(setup);
  });

  it('undoes what it did when a later command fails', async () => {
    const setup = await commandContext();
    const first = setup.idOf('Identify risks');
    const batch = new Batch('Delete 2 items', [
      new DeleteActivity(first),
      new DeleteActivity(setup.idOf('Accept RFC')),
    ]);
    const original = setup.gateway.deleteActivity.bind(setup.gateway);
    let count = 0;
    setup.gateway.deleteActivity = async (input, processId) => {
      if (++count === 2) throw new GatewayError('DATABASE_UNAVAILABLE', 'down');
      return original(input, processId);
    };
    await expect(batch.execute(setup.context)).rejects.toThrow('down');
    expect(setup.names('IMPROVE')[0]).toBe('Identify risks');
    expect(setup.names('CHANGE')[0]).toBe('Accept RFC');
    await expectInSync(setup);
  });
});
