import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../support/model-helpers';
import { SERVER_URL } from '../support/test-database';
import { startTestApi, type TestApi } from '../support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const RETRYABLE = new Set(['DATABASE_UNAVAILABLE', 'CONFLICT']);

/** Ends every connection the API holds to its database, as a failover or an administrator would. */
async function terminateApiConnections(): Promise<number> {
  const database = new URL(api.database.orm.config.get('clientUrl')!).pathname.slice(1);
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    const result = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    return result.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe('database connections cut mid-run', () => {
  it('fail in-flight requests with a retryable code, reconnect by themselves and keep every acknowledged write', async () => {
    const organisation = await createOrganisation(api, 'Faults');
    const acknowledged: string[] = [];
    const failures: string[] = [];
    let stop = false;

    const writer = async (worker: number) => {
      for (let index = 0; !stop && index < 400; index += 1) {
        const name = `Role ${worker}-${index}`;
        const response = await api.request(
          `mutation($o: ID!, $n: String!) { createRole(input: { organisationId: $o, name: $n }) { id name } }`,
          { o: organisation.id, n: name },
        );
        if (response.errors) failures.push(response.errors[0]!.extensions?.code ?? 'NO_CODE');
        else acknowledged.push(response.data.createRole.id);
      }
    };
    const writers = Promise.all([0, 1, 2, 3].map(writer));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await terminateApiConnections()).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await terminateApiConnections();
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop = true;
    await writers;

    // Failures carry a retryable code and no internals; the API keeps answering.
    expect(
      failures.every((code) => RETRYABLE.has(code)),
      JSON.stringify(failures),
    ).toBe(true);
    const after = await api.request(`query($id: ID!) { organisation(id: $id) { roles { id } } }`, {
      id: organisation.id,
    });
    expect(after.errors).toBeUndefined();
    const stored = new Set(after.data.organisation.roles.map((role: { id: string }) => role.id));
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  });
});
