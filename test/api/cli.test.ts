import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@usm/api/src/persistence/database';
import { createUsmServer } from '@usm/api/src/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const apiFolder = fileURLToPath(new URL('../../api', import.meta.url));
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

function usm(...args: string[]) {
  const result = spawnSync('pnpm', ['exec', 'tsx', 'src/cli/usm.ts', ...args], {
    cwd: apiFolder,
    encoding: 'utf8',
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      USM_ADMIN_EMAIL: 'root@example.org',
      USM_ADMIN_PASSWORD: 'root-password-1',
    },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('the usm command line', () => {
  it(
    'adds users as the first administrator, refuses non-administrators, and makes API tokens',
    { timeout: 60_000 },
    async () => {
      const added = usm('user:add', 'cli@example.org', '--name', 'Cli User', '--password', 'cli-password-1');
      expect(added.err).toBe('');
      expect(added.out).toMatch(/Created cli@example\.org/);
      expect(usm('user:list').out).toMatch(/root@example\.org\tadministrator[\s\S]*cli@example\.org\tuser/);

      const refused = usm('user:add', 'other@example.org', '--as', 'cli@example.org');
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(/needs an administrator/);

      const token = usm('token:create', 'dashboard', '--as', 'cli@example.org').out.match(/usm_[\w-]+/)?.[0];
      expect(token).toBeDefined();

      // The token works against the API on the same database.
      const opened = await openDatabase({ databaseUrl: database.url, dataDir: '', quietMigrations: true });
      const server = await createUsmServer({ database: opened, explorer: false });
      try {
        const port = await server.listen(0, '127.0.0.1');
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ me { email name } }' }),
        });
        expect(((await response.json()) as any).data.me).toEqual({
          email: 'cli@example.org',
          name: 'Cli User',
        });
      } finally {
        await server.stop();
        await opened.close();
      }
    },
  );

  it('explains its commands and fails on an unknown one', () => {
    const unknown = usm('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.out).toMatch(/user:add/);
  });
});
