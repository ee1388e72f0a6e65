import { readFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usmSchema } from '@usm/api/src/graphql/schema';
import { startTestApi, type TestApi } from '../support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('committed artefacts match the code', () => {
  it('the committed migrations produce exactly the schema the entities describe', async () => {
    const pending = await api.database.orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(pending.trim()).toBe('');
  });

  it('schema/schema.graphql is the schema printed from the code (run `pnpm schema:print` after a change)', async () => {
    const committed = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    const printed = printSchema(lexicographicSortSchema(await usmSchema()));
    expect(committed.slice(committed.indexOf('\n\n') + 2).trim()).toBe(printed.trim());
  });
});
