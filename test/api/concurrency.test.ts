import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, processOf, readModel } from '../support/model-helpers';
import { startTestApi, type TestApi } from '../support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const UPDATE = `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { id name position version } }`;

describe('concurrent edits never lose data silently', () => {
  it('ten racing renames from the same version: one wins, nine answer CONFLICT', async () => {
    const organisation = await createOrganisation(api, 'Race');
    const target = processOf(await readModel(api, organisation.id), 'AGREE').activities[0]!;
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        api.request(UPDATE, { input: { id: target.id, version: target.version, name: `Edit ${index}` } }),
      ),
    );
    const winners = responses.filter((response) => !response.errors);
    const conflicts = responses.filter((response) => response.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(winners).toHaveLength(1);
    expect(conflicts).toHaveLength(9);
    for (const conflict of conflicts) {
      expect(conflict.errors![0]!.extensions!.currentVersion).toBe(target.version + 1);
    }
    const stored = processOf(await readModel(api, organisation.id), 'AGREE').activities[0]!;
    expect(stored.name).toBe(winners[0]!.data.updateActivity.name);
    expect(stored.version).toBe(target.version + 1);
  });

  it('two racing moves in one process: positions stay contiguous and one of them answers CONFLICT', async () => {
    const organisation = await createOrganisation(api, 'Reorder race');
    const change = processOf(await readModel(api, organisation.id), 'CHANGE');
    const [first, last] = [change.activities[0]!, change.activities[8]!];
    const responses = await Promise.all([
      api.request(UPDATE, { input: { id: first.id, version: first.version, position: 9 } }),
      api.request(UPDATE, { input: { id: last.id, version: last.version, position: 1 } }),
    ]);
    const outcomes = responses.map((response) => response.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
    const after = processOf(await readModel(api, organisation.id), 'CHANGE');
    expect(after.activities.map((activity) => activity.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(after.activities.map((activity) => activity.id)).size).toBe(9);
  });
});
