import { resolve } from 'node:path';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './graphql/query-limits';

/** Settings from the environment, read once at start. Documented in README.md. */
export interface AppConfig {
  port: number;
  host: string | undefined;
  databaseUrl: string | undefined;
  dataDir: string;
  development: boolean;
  introspection: boolean;
  compiledExecution: boolean;
  queryLimits: QueryLimits;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const development = env.NODE_ENV !== 'production';
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    // Relative to where the user ran the command (npm/pnpm set INIT_CWD), not to the api package.
    dataDir: resolve(env.INIT_CWD ?? process.cwd(), env.USM_DATA_DIR || './data'),
    development,
    introspection: env.USM_INTROSPECTION ? env.USM_INTROSPECTION === 'true' : development,
    compiledExecution: env.USM_COMPILED_EXECUTION !== 'false',
    queryLimits: {
      maxDepth: integer(env, 'USM_MAX_QUERY_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth, 1, 100),
      maxAliases: integer(env, 'USM_MAX_ALIASES', DEFAULT_QUERY_LIMITS.maxAliases, 0, 10_000),
      maxFields: integer(env, 'USM_MAX_QUERY_FIELDS', DEFAULT_QUERY_LIMITS.maxFields, 1, 1_000_000),
    },
    adminEmail: env.USM_ADMIN_EMAIL || undefined,
    adminPassword: env.USM_ADMIN_PASSWORD || undefined,
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  }
  return value;
}
