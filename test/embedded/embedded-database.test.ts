import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { graphql, startServerProcess } from '../support/server-process';

/**
 * The default start: no DATABASE_URL, so the embedded PostgreSQL (PGlite) runs in USM_DATA_DIR.
 * The first start creates an administrator and prints its password; data survives a restart.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'usm-embedded-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const CREATE = `mutation { createOrganisation(input: { name: "Embedded Co" }) { id processes { activities { id } } } }`;
const READ = `query($id: ID!) { organisation(id: $id) { name workflows { number steps { position } } } }`;
const LOGIN = `mutation($p: String!) { login(email: "admin@localhost.localdomain", password: $p) { token } }`;

describe('the embedded database', () => {
  it(
    'serves the API without a database server and keeps the data across a restart',
    { timeout: 180_000 },
    async () => {
      const first = await startServerProcess({ USM_DATA_DIR: dataDir });
      let organisationId: string;
      let token: string;
      try {
        const password = /Password \(shown only now\): (\S+)/.exec(first.output())?.[1];
        expect(password, first.output()).toBeDefined();
        const anonymous = await graphql(
          first.graphqlUrl,
          `
            {
              organisations {
                totalCount
              }
            }
          `,
        );
        expect(anonymous.errors[0].extensions.code).toBe('UNAUTHENTICATED');

        token = (await graphql(first.graphqlUrl, LOGIN, { p: password })).data.login.token;
        const created = await graphql(first.graphqlUrl, CREATE, undefined, token);
        expect(created.errors).toBeUndefined();
        organisationId = created.data.createOrganisation.id;
        const counts = created.data.createOrganisation.processes.map(
          (process: any) => process.activities.length,
        );
        expect(counts).toEqual([8, 9, 7, 6, 7]);
      } finally {
        expect(await first.stop('SIGTERM')).toBe(0);
      }

      const second = await startServerProcess({ USM_DATA_DIR: dataDir });
      try {
        const read = await graphql(second.graphqlUrl, READ, { id: organisationId }, token);
        expect(read.errors).toBeUndefined();
        expect(read.data.organisation.name).toBe('Embedded Co');
        expect(read.data.organisation.workflows.map((workflow: any) => workflow.steps.length)).toEqual([
          23, 15, 22, 13, 6, 30, 22, 13,
        ]);
        expect(second.output()).toContain('embedded database');
        expect(second.output()).not.toContain('Created the first administrator');
      } finally {
        await second.stop('SIGTERM');
      }
    },
  );
});
