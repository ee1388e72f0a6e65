import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WHOLE_MODEL } from '../support/operations';
import { growOrganisation } from '../support/factories';
import { createOrganisation } from '../support/model-helpers';
import { startTestApi, type TestApi } from '../support/test-api';

let api: TestApi;
beforeAll(async () => {
  // Statement counts are compared across requests: without the principal cache, each request reads its
  // session the same way (with it, the first request after a commit reads it and the next does not).
  api = await startTestApi({ principalCacheMs: 0 });
});
afterAll(() => api?.close());

describe('reading a whole model', () => {
  it('issues the same number of SQL statements for a model ten times larger', async () => {
    const small = await createOrganisation(api, 'Small');
    const large = await createOrganisation(api, 'Large');
    await growOrganisation(api, large.id, 10);

    const smallRead = await api.request(WHOLE_MODEL, { id: small.id });
    const largeRead = await api.request(WHOLE_MODEL, { id: large.id });
    expect(smallRead.errors).toBeUndefined();
    expect(largeRead.errors).toBeUndefined();

    const count = (read: typeof smallRead) =>
      read.data.organisation.processes.reduce(
        (sum: number, process: any) => sum + process.activities.length,
        0,
      );
    expect(count(smallRead)).toBe(37);
    expect(count(largeRead)).toBe(370);
    expect(largeRead.data.organisation.workflows[5].steps.length).toBe(300);

    expect(Number.isFinite(smallRead.statements)).toBe(true);
    expect(largeRead.statements).toBe(smallRead.statements);
    // One statement per relation level, not per row: a handful in all.
    expect(smallRead.statements).toBeLessThanOrEqual(14); // + the session and membership look-ups
  });

  it('lists many organisations with their processes in a constant number of statements', async () => {
    const query = `{ organisations(first: 50) { edges { node { name processes { key activities { name } } roles { name } } } } }`;
    const before = await api.request(query);
    for (let index = 0; index < 5; index += 1) await createOrganisation(api, `Listed ${index}`);
    const after = await api.request(query);
    expect(after.data.organisations.edges.length).toBeGreaterThan(before.data.organisations.edges.length);
    expect(after.statements).toBe(before.statements);
  });
});
