import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { lockDataDir } from './embedded-lock';

/**
 * The embedded default: PostgreSQL compiled to WebAssembly (PGlite), persisted in a data directory and
 * exposed on a loopback port, so the API reaches it through the same pg driver, dialect and migrations
 * as a real server. PGlite serves one client at a time: callers must use a pool of one connection.
 */
export interface EmbeddedDatabase {
  clientUrl: string;
  stop(): Promise<void>;
}

export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  const db = await PGlite.create(dataDir).catch((error: unknown) => {
    unlock();
    throw error;
  });
  const port = await findFreeLoopbackPort();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port });
  await server.start();
  return {
    clientUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
      unlock();
    },
  };
}

function findFreeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
