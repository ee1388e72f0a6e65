import { fileURLToPath } from 'node:url';
import { defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITY_SCHEMAS } from './entities';
import { MIGRATIONS } from './migrations';
import { SqlStatementLogger } from './sql-statement-counter';

export interface OrmSettings {
  clientUrl: string;
  /** PGlite serves one client at a time, so the embedded database needs a pool of one. */
  poolMax?: number;
  /** Count SQL statements per request (tests and benchmarks); costs a log call per statement. */
  countStatements?: boolean;
  /** Do not print each migration as it runs (tests start many databases). */
  quietMigrations?: boolean;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export function ormConfig(settings: OrmSettings): ReturnType<typeof defineConfig> {
  return defineConfig({
    clientUrl: settings.clientUrl,
    entities: ENTITY_SCHEMAS,
    extensions: [Migrator],
    // Each request forks its own entity manager; using the global one is a bug we want to hear about.
    allowGlobalContext: false,
    pool: { min: 0, max: settings.poolMax ?? 10 },
    // Relations load one statement per level, never one per parent.
    loadStrategy: 'select-in',
    forceUtcTimezone: true,
    discovery: { disableDynamicFileAccess: true },
    debug: settings.countStatements ? ['query'] : false,
    loggerFactory: (options) => new SqlStatementLogger(options, settings.quietMigrations),
    migrations: {
      // Listed explicitly so the same code runs under tsx, vitest and a compiled build.
      migrationsList: MIGRATIONS,
      path: migrationsFolder,
      pathTs: migrationsFolder,
      emit: 'ts',
      snapshot: true,
      snapshotName: 'schema-snapshot',
      transactional: true,
      allOrNothing: true,
    },
  });
}
