import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toModelDocument } from '@usm/api/src/domain/interchange/model-document';
import { referenceSnapshot } from '@usm/api/src/domain/interchange/test-fixtures';
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

  it(
    'exports documents to standard output and imports a model document as a new organisation',
    { timeout: 90_000 },
    () => {
      usm('user:add', 'architect@example.org', '--password', 'architect-password-1');
      const imported = usm(
        'import',
        '--file',
        referenceModelFile(),
        '--name',
        'From a file',
        '--as',
        'architect@example.org',
      );
      expect(imported.code, imported.err).toBe(0);
      expect(imported.err).toMatch(/Checking and importing/);
      const organisationId = imported.out.trim().split('\n').at(-1)!;
      expect(usm('org:list', '--as', 'architect@example.org').out).toContain(
        `From a file\tOWNER\t${organisationId}`,
      );

      const json = usm(
        'export',
        '--org',
        organisationId,
        '--format',
        'json',
        '--as',
        'architect@example.org',
      );
      expect(json.code, json.err).toBe(0);
      expect(JSON.parse(json.out).organisation.name).toBe('From a file');
      const bpmn = usm('export', '--org', organisationId, '--format', 'bpmn', '--workflow', '3');
      expect(bpmn.out).toContain('<bpmn:definitions');
      expect(bpmn.err).toMatch(/Wrote .*workflow-3\.bpmn/);
      const handbook = usm('export', '--org', organisationId, '--format', 'handbook-md');
      expect(handbook.out).toMatch(/^# /);

      const wrongFormat = usm('export', '--org', organisationId, '--format', 'pdf');
      expect(wrongFormat.code).toBe(2);
      expect(wrongFormat.err).toMatch(/--format, one of handbook-html, handbook-md, bpmn, wif, json/);
      const noSelection = usm('export', '--org', organisationId, '--format', 'wif');
      expect(noSelection.code).toBe(2);
      expect(noSelection.err).toMatch(/A WIF export takes workflowNumber or procedureId/);
      const outsider = usm('export', '--org', organisationId, '--format', 'json', '--as', 'cli@example.org');
      expect(outsider.code).toBe(2);
      expect(outsider.err).toMatch(/not a member/);
    },
  );

  it('refuses a broken model document with its JSON paths and writes nothing', { timeout: 60_000 }, () => {
    const before = usm('org:list').out;
    const document = JSON.parse(readFileSync(referenceModelFile(), 'utf8'));
    document.roles[0].name = '';
    const path = join(mkdtempSync(join(tmpdir(), 'usm-cli-')), 'broken.json');
    writeFileSync(path, JSON.stringify(document));
    const refused = usm('import', '--file', path);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/\$\.roles\[0\]\.name must not be empty/);
    writeFileSync(path, '{"format": "usm-studio-model", "formatVers');
    expect(usm('import', '--file', path).err).toMatch(/not valid JSON/);
    expect(usm('import', '--file', '/no/such/file.json').err).toMatch(/no such file/);
    expect(usm('org:list').out).toBe(before);
  });
});

/** A model document of the reference model, written from the domain fixture (the same shape an export has). */
function referenceModelFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'usm-cli-')), 'reference.usm-model.json');
  writeFileSync(path, JSON.stringify(toModelDocument(referenceSnapshot()), null, 2));
  return path;
}
