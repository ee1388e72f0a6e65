/**
 * PGlite keeps the whole database in one process's memory and writes its files from there: two processes
 * opening one data directory would overwrite each other's work. The first to open it writes its pid into
 * `usm.lock`; any other process is refused with what to do instead. A lock left by a process that died is
 * taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class EmbeddedDatabaseInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is in use by another USM process (pid ${pid}), probably the ` +
        'server: it serves one process at a time. Stop that process first, or set DATABASE_URL to a ' +
        'PostgreSQL server that both can share, or go through the running server (its GraphQL API, e.g. ' +
        'the `export` query and the `importModel` mutation).',
    );
    this.name = 'EmbeddedDatabaseInUseError';
  }
}

export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, 'usm.lock');
  const holder = lockHolder(path);
  if (holder !== null && holder !== process.pid && isAlive(holder))
    throw new EmbeddedDatabaseInUseError(dataDir, holder);
  writeFileSync(path, String(process.pid));
  return () => {
    if (lockHolder(path) === process.pid) rmSync(path, { force: true });
  };
}

function lockHolder(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
