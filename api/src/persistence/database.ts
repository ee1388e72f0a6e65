import { MikroORM } from '@mikro-orm/postgresql';
import { startEmbeddedDatabase } from './embedded-database';
import { ormConfig } from './orm-config';

export interface DatabaseSettings {
  /** A PostgreSQL server to use. Without it the embedded database in `dataDir` is started. */
  databaseUrl?: string;
  dataDir: string;
  countStatements?: boolean;
  /** Apply committed migrations at start (always, except in tools that manage the schema themselves). */
  migrate?: boolean;
  quietMigrations?: boolean;
}

export interface Database {
  orm: MikroORM;
  embedded: boolean;
  close(): Promise<void>;
}

export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  const embedded = settings.databaseUrl ? null : await startEmbeddedDatabase(settings.dataDir);
  const clientUrl = settings.databaseUrl ?? embedded!.clientUrl;
  let orm: MikroORM;
  try {
    orm = await MikroORM.init(
      ormConfig({
        clientUrl,
        poolMax: embedded ? 1 : 10,
        countStatements: settings.countStatements,
        quietMigrations: settings.quietMigrations,
      }),
    );
    if (settings.migrate !== false) await orm.migrator.up();
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    orm,
    embedded: embedded !== null,
    async close() {
      await orm.close(true);
      await embedded?.stop();
    },
  };
}
