/**
 * Prints the GraphQL schema from the code into schema/schema.graphql. With --check, writes nothing and
 * fails when the committed file differs from what the code produces (schema drift).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { usmSchema } from '../src/graphql/schema';

const target = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));
const header =
  '# Printed from the API code by `pnpm schema:print`. Do not edit: change the code and print again.\n\n';
const printed = header + printSchema(lexicographicSortSchema(await usmSchema())) + '\n';

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // a missing file is drift too
  }
  if (committed !== printed) {
    console.error(
      'schema/schema.graphql is out of date with the code. Run `pnpm schema:print` and commit the result.',
    );
    process.exit(1);
  }
  console.log('schema/schema.graphql matches the code.');
} else {
  writeFileSync(target, printed);
  console.log(`Wrote ${target}`);
}
