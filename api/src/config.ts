import { resolve } from 'node:path';

/** Settings from the environment, read once at start. Documented in README.md. */
export interface AppConfig {
  port: number;
  host: string | undefined;
  databaseUrl: string | undefined;
  dataDir: string;
  development: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number (0–65535), not "${env.PORT}".`);
  }
  return {
    port,
    host: env.HOST || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    // Relative to where the user ran the command (npm/pnpm set INIT_CWD), not to the api package.
    dataDir: resolve(env.INIT_CWD ?? process.cwd(), env.USM_DATA_DIR || './data'),
    development: env.NODE_ENV !== 'production',
  };
}
