import { describe, expect, it } from 'vitest';
import { describeChanges } from './model-diff';
import { referenceLikeGateway } from './testing/fake-gateway';
import { serverModel } from './testing/editor';

async function before() {
  const gateway = referenceLikeGateway();
  return { gateway, local: await serverModel(gateway) };
}

describe('what someone else changed', () => {
  it('says nothing when nothing changed', async () => {
    const { gateway, local } = await before();
    expect(describeChanges(local, await serverModel(gateway))).toEqual([]);
  });

  it('names renames, additions, deletions and new hand-overs', async () => {
    const { gateway, local } = await before();
    const classify = gateway.activityNamed('Accept incident');
    await gateway.updateActivity({ id: classify.id, version: classify.version, name: 'Register incident' });
    const recover = local.processIdByKey.RECOVER;
    await gateway.createActivity({ processId: recover, name: 'Check entitlement', position: 2 });
    const deploy = gateway.activityNamed('Deploy measure');
    await gateway.deleteActivity({ id: deploy.id, version: deploy.version }, local.processIdByKey.IMPROVE);
    const analyse = gateway.activityNamed('Recover');
    await gateway.createHandover({ fromActivityId: analyse.id, callType: 'RFC', kind: 'FORK' });

    const changes = describeChanges(local, await serverModel(gateway));
    expect(changes).toEqual(
      expect.arrayContaining([
        '“Accept incident” was renamed to “Register incident”.',
        '“Check entitlement” was added to Recover at place 2.',
        '“Deploy measure” was deleted.',
        'A hand-over (RFC) from “Recover” was added.',
      ]),
    );
    // Shifting places to make room, or closing a gap, is not a reorder.
    expect(changes.some((change) => change.includes('another order'))).toBe(false);
  });

  it('notices a reorder, and keeps the list short', async () => {
    const { gateway, local } = await before();
    const recover = gateway.activityNamed('Recover');
    await gateway.updateActivity({ id: recover.id, version: recover.version, position: 1 });
    expect(describeChanges(local, await serverModel(gateway))).toEqual([
      'The activities of Recover were put in another order.',
    ]);
    for (let i = 0; i < 12; i++) {
      await gateway.createActivity({ processId: local.processIdByKey.AGREE, name: `Step ${i}` });
    }
    const changes = describeChanges(local, await serverModel(gateway), 5);
    expect(changes).toHaveLength(6);
    expect(changes.at(-1)).toBe('…and 8 more changes.');
  });
});
