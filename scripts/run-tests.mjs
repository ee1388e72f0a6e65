#!/usr/bin/env node
/**
 * Runs the whole test suite once and ends with the plain line CI reads: "N passed, N failed[, N skipped]".
 * API tests need PostgreSQL: DATABASE_URL names a server and database they may create databases from
 * (default postgresql://postgres@127.0.0.1:5432/postgres). Extra arguments go to vitest.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsFile = join(root, 'node_modules', '.cache', 'vitest-results.json');
mkdirSync(dirname(resultsFile), { recursive: true });
rmSync(resultsFile, { force: true });

const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres',
};
const run = spawnSync(
  'pnpm',
  [
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${resultsFile}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, env, stdio: 'inherit' },
);

let summary;
try {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const skipped = results.numPendingTests + results.numTodoTests;
  summary =
    `${results.numPassedTests} passed, ${results.numFailedTests} failed` +
    (skipped ? `, ${skipped} skipped` : '');
  if (results.numTotalTests === 0) {
    console.error('No test ran.');
    process.exitCode = 1;
  }
} catch {
  summary = '0 passed, 1 failed';
  console.error('vitest wrote no results: it failed before running tests (see above).');
}
console.log(summary);
process.exitCode ||= run.status ?? 1;
