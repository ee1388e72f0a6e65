import { describe, expect, it } from 'vitest';
import { aliasOnlyContext } from '../catalogue/test-context';
import { ConflictError, MissingObjectError, RuleViolation } from '../errors';
import { openEditor } from '../testing/editor';
import { MapCoverage, UnmapCoverage } from './commands';
import { encodeTarget } from './coverage';
import { FakeCoverageGateway } from './fake-coverage-gateway';

const ITEM = { key: 'incident-management', title: 'Incident management' };
const WORKFLOW = encodeTarget({ kind: 'workflow', id: 'workflow-3' });
const ACTIVITY = encodeTarget({ kind: 'activity', id: 'activity-1' });

function mapping(
  gateway: FakeCoverageGateway,
  target = WORKFLOW,
  rationale = ' Workflow 3 restores service. ',
) {
  return new MapCoverage(gateway, 'org-1', 'ITIL4', ITEM, target, 'workflow 3', rationale);
}

describe('MapCoverage', () => {
  it('maps, undo removes the mapping with its version, redo maps again under a new id', async () => {
    const gateway = new FakeCoverageGateway();
    const context = aliasOnlyContext();
    const command = mapping(gateway);
    expect(command.label).toBe('Map “Incident management” to workflow 3');
    await command.execute(context);
    const firstId = command.mappingId!;
    expect(gateway.calls[0]).toEqual({
      method: 'map',
      input: {
        organisationId: 'org-1',
        framework: 'ITIL4',
        itemKey: 'incident-management',
        activityId: null,
        workflowId: 'workflow-3',
        rationale: 'Workflow 3 restores service.',
      },
    });

    gateway.touch(firstId);
    await command.undo(context);
    expect(gateway.calls.at(-1)).toEqual({ method: 'unmap', input: { id: firstId, version: 2 } });
    expect(gateway.mappings.size).toBe(0);

    await command.redo(context);
    const newId = context.resolve(firstId);
    expect(newId).not.toBe(firstId);
    expect(gateway.mappings.get(newId)?.workflowId).toBe('workflow-3');
  });

  it('maps an activity through the id it goes by now', async () => {
    const gateway = new FakeCoverageGateway();
    const context = aliasOnlyContext();
    context.alias('activity-1', 'activity-9');
    await mapping(gateway, ACTIVITY).execute(context);
    expect([...gateway.mappings.values()][0]).toMatchObject({ activityId: 'activity-9', workflowId: null });
  });

  it('refuses a mapping without a rationale before sending it', async () => {
    const gateway = new FakeCoverageGateway();
    await expect(mapping(gateway, WORKFLOW, '  ').execute(aliasOnlyContext())).rejects.toBeInstanceOf(
      RuleViolation,
    );
    expect(gateway.calls).toHaveLength(0);
  });

  it('undo fails clearly when the mapping is gone', async () => {
    const gateway = new FakeCoverageGateway();
    const context = aliasOnlyContext();
    const command = mapping(gateway);
    await command.execute(context);
    gateway.mappings.clear();
    await expect(command.undo(context)).rejects.toBeInstanceOf(MissingObjectError);
  });
});

describe('UnmapCoverage', () => {
  it('removes with the current version, undo maps it again (aliased), redo removes that one', async () => {
    const gateway = new FakeCoverageGateway();
    const context = aliasOnlyContext();
    const created = await gateway.map({
      organisationId: 'org-1',
      framework: 'ISO20000',
      itemKey: '8.6.1',
      activityId: 'activity-1',
      rationale: 'Our incident procedure',
    });
    gateway.touch(created.id);
    const command = new UnmapCoverage(
      gateway,
      'org-1',
      created.id,
      { key: '8.6.1', title: 'Incident management' },
      'activity “Classify”',
    );
    expect(command.label).toBe('Remove the mapping of “Incident management” to activity “Classify”');
    await command.execute(context);
    expect(gateway.calls.at(-1)).toEqual({ method: 'unmap', input: { id: created.id, version: 2 } });
    expect(gateway.mappings.size).toBe(0);

    await command.undo(context);
    const again = gateway.mappings.get(context.resolve(created.id))!;
    expect(again).toMatchObject({
      framework: 'ISO20000',
      itemKey: '8.6.1',
      activityId: 'activity-1',
      workflowId: null,
      rationale: 'Our incident procedure',
    });
    expect(again.id).not.toBe(created.id);

    await command.redo(context);
    expect(gateway.mappings.size).toBe(0);
  });

  it('a stale version becomes a conflict', async () => {
    const gateway = new FakeCoverageGateway();
    const created = await gateway.map({
      organisationId: 'org-1',
      framework: 'ITIL4',
      itemKey: 'k',
      workflowId: 'w',
      rationale: 'r',
    });
    const read = gateway.readMapping.bind(gateway);
    gateway.readMapping = async (id) => {
      const found = await read(id);
      gateway.touch(created.id);
      return found;
    };
    const command = new UnmapCoverage(gateway, 'org-1', created.id, ITEM, 'workflow 1');
    await expect(command.execute(aliasOnlyContext())).rejects.toBeInstanceOf(ConflictError);
  });

  it('both run in the editor’s shared history', async () => {
    const { store } = await openEditor();
    const gateway = new FakeCoverageGateway();
    const map = mapping(gateway);
    expect(await store.getState().run(map)).toBe(true);
    expect(gateway.mappings.size).toBe(1);
    expect(
      await store.getState().run(new UnmapCoverage(gateway, 'org-1', map.mappingId!, ITEM, 'workflow 3')),
    ).toBe(true);
    expect(gateway.mappings.size).toBe(0);
    await store.getState().undo();
    expect(gateway.mappings.size).toBe(1);
    await store.getState().undo();
    expect(gateway.mappings.size).toBe(0);
    await store.getState().redo();
    await store.getState().redo();
    expect(gateway.mappings.size).toBe(0);
    expect(store.getState().failure).toBeNull();
  });
});
