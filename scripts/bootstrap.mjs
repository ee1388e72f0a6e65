#!/usr/bin/env node
/**
 * `npm start` / `npm test` on a fresh machine that has only Node.js 20: installs the workspace with the
 * pinned pnpm (from the npm registry, lockfile frozen), then runs the pnpm script of the same name.
 * Usage: node scripts/bootstrap.mjs <pnpm script> [args...]
 */
import { spawnSync } from 'node:child_process';

const PNPM_VERSION = '12.4.2';
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/bootstrap.mjs <script> [args...]');
  process.exit(2);
}

const pnpm = findPnpm();
console.log(`Installing dependencies with pnpm ${PNPM_VERSION} (lockfile frozen)…`);
run(pnpm, ['install', '--frozen-lockfile']);
run(pnpm, ['run', script, ...args]);

/** The pinned pnpm if it is on PATH, else the same version through npx (downloaded once from npm). */
function findPnpm() {
  const installed = spawnSync('pnpm', ['--version'], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (installed.status === 0 && installed.stdout.trim() === PNPM_VERSION) return ['pnpm'];
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

function run(command, commandArgs) {
  const [program, ...prefix] = command;
  const result = spawnSync(program, [...prefix, ...commandArgs], { stdio: 'inherit' });
  if (result.error) {
    console.error(`Could not run ${program}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}
