import { readConfig } from './config';
import { logger } from './logger';
import { openDatabase } from './persistence/database';
import { createUsmServer } from './server';
import { ensureFirstAdministrator } from './services/auth/users';

/** Starts USM Studio: the database (embedded unless DATABASE_URL is set), migrations, then HTTP. */
async function main() {
  const config = readConfig();
  const startedAt = performance.now();
  console.log(
    config.databaseUrl
      ? 'Connecting to PostgreSQL at DATABASE_URL…'
      : `Starting the embedded database in ${config.dataDir} (set DATABASE_URL to use a PostgreSQL server)…`,
  );
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await announceFirstAdministrator(database.orm.em.fork(), config);
  const server = await createUsmServer({
    database,
    explorer: config.development,
    introspection: config.introspection,
    compiledExecution: config.compiledExecution,
    queryLimits: config.queryLimits,
  });
  const port = await server.listen(config.port, config.host);
  const base = `http://localhost:${port}`;
  console.log(`USM Studio is ready in ${Math.round(performance.now() - startedAt)} ms:`);
  console.log(`  GraphQL API   ${base}/graphql`);
  if (config.development) console.log(`  Explorer      ${base}/explorer/`);
  console.log(`  Studio        ${base}/`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing open requests and closing the database…`);
    await server.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** The first start on an empty database creates an administrator, so the studio can be signed in to. */
async function announceFirstAdministrator(
  em: Parameters<typeof ensureFirstAdministrator>[0],
  config: ReturnType<typeof readConfig>,
) {
  const created = await ensureFirstAdministrator(em, {
    email: config.adminEmail,
    password: config.adminPassword,
  });
  if (!created) return;
  console.log(`Created the first administrator: ${created.user.email}`);
  if (created.generatedPassword) {
    console.log(`  Password (shown only now): ${created.generatedPassword}`);
    console.log('  Set USM_ADMIN_EMAIL and USM_ADMIN_PASSWORD before the first start to choose them.');
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  logger.error({ err: error }, 'start failed');
  console.error(`USM Studio could not start: ${message}`);
  if (/ECONNREFUSED/.test(message)) {
    console.error('Is PostgreSQL running at DATABASE_URL? Unset DATABASE_URL to use the embedded database.');
  } else if (/EADDRINUSE/.test(message)) {
    console.error('The port is taken: set PORT to a free one, e.g. PORT=4001.');
  }
  process.exit(1);
});
