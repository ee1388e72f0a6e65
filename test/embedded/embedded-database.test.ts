import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { graphql, startServerProcess } from '../support/server-process';

/**
 * The default start: no DATABASE_URL, so the embedded PostgreSQL (PGlite) runs in USM_DATA_DIR.
 * Data must survive a restart of the whole process.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'usm-embedded-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the embedded database', () => {
  it(
    'serves the API without a database server and keeps the data across a restart',
    { timeout: 180_000 },
    async () => {
      const first = await startServerProcess({ USM_DATA_DIR: dataDir });
      let organisationId: string;
      try {
        const created = await graphql(
          first.graphqlUrl,
          `
            mutation {
              createOrganisation(input: { name: "Embedded Co" }) {
                id
                processes {
                  activities {
                    id
                  }
                }
              }
            }
          `,
        );
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
        const read = await graphql(
          second.graphqlUrl,
          `
            query ($id: ID!) {
              organisation(id: $id) {
                name
                workflows {
                  number
                  steps {
                    position
                  }
                }
              }
            }
          `,
          { id: organisationId },
        );
        expect(read.errors).toBeUndefined();
        expect(read.data.organisation.name).toBe('Embedded Co');
        expect(read.data.organisation.workflows.map((workflow: any) => workflow.steps.length)).toEqual([
          23, 15, 22, 13, 6, 30, 22, 13,
        ]);
        expect(second.output()).toContain('embedded database');
      } finally {
        await second.stop('SIGTERM');
      }
    },
  );
});
