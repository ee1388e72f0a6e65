/**
 * The `usm` command line: administration without the studio. Run from the repository root as
 * `pnpm usm <command> …`. It opens the same database as the server (DATABASE_URL, or the embedded one in
 * USM_DATA_DIR — which serves one process at a time: while the server runs on it, the command says so and
 * stops).
 * Commands act as a user: `--as <email>`, by default the first administrator.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { EntityManager } from '@mikro-orm/postgresql';
import { readConfig } from '../config';
import { DomainError } from '../domain/errors';
import { toGlobalId } from '../graphql/global-id';
import { openDatabase } from '../persistence/database';
import { EmbeddedDatabaseInUseError } from '../persistence/embedded-lock';
import { Membership, User } from '../persistence/entities';
import { createApiToken } from '../services/auth/credentials';
import { createUser, ensureFirstAdministrator } from '../services/auth/users';
import { exportCommand, importCommand } from './interchange-commands';
import { UsageError } from './usage-error';

const HELP = `usage: pnpm usm <command> [options]

  user:add <email> [--name NAME] [--password PASSWORD] [--admin]   create a user (as an administrator)
  user:list                                                      list users (as an administrator)
  token:create <name>                                            create a personal API token
  org:list                                                       list the organisations you belong to
  export --org <id> --format <format> [--procedure <id> | --workflow <n> | --process <key> | --role <id>]
                                                                 write a document to standard output; formats:
                                                                 handbook-html, handbook-md, bpmn, wif, json
  import --file <model.json> [--name <name>]                     create an organisation from a model document
                                                                 (you its OWNER); prints its id last

  --as <email>   act as this user (default: the first administrator)`;

interface Command {
  needsAdministrator: boolean;
  run(
    em: EntityManager,
    actor: User,
    args: string[],
    options: Record<string, string | boolean | undefined>,
  ): Promise<void>;
}

const COMMANDS: Record<string, Command> = {
  export: exportCommand,
  import: importCommand,
  'user:add': {
    needsAdministrator: true,
    async run(em, _actor, [email], options) {
      if (!email) throw new UsageError('user:add needs an email address.');
      const password =
        typeof options.password === 'string' ? options.password : randomBytes(12).toString('base64url');
      const user = await createUser(em, {
        email,
        password,
        name: typeof options.name === 'string' ? options.name : '',
        administrator: options.admin === true,
      });
      console.log(
        `Created ${user.email} (${toGlobalId('User', user.id)})${user.administrator ? ' as administrator' : ''}.`,
      );
      if (typeof options.password !== 'string') console.log(`Password (shown only now): ${password}`);
    },
  },
  'user:list': {
    needsAdministrator: true,
    async run(em) {
      for (const user of await em.find(User, {}, { orderBy: { createdAt: 'asc' } })) {
        console.log(
          `${user.email}\t${user.administrator ? 'administrator' : 'user'}\t${toGlobalId('User', user.id)}`,
        );
      }
    },
  },
  'token:create': {
    needsAdministrator: false,
    async run(em, actor, [name]) {
      if (!name) throw new UsageError('token:create needs a name, e.g. "reporting dashboard".');
      const { secret } = await createApiToken(em, actor, name);
      console.log(`API token for ${actor.email} (shown only now):\n${secret}`);
    },
  },
  'org:list': {
    needsAdministrator: false,
    async run(em, actor) {
      const memberships = await em.find(Membership, { user: actor }, { populate: ['organisation'] });
      for (const membership of memberships) {
        const organisation = membership.organisation;
        console.log(
          `${organisation.name}\t${membership.role}\t${toGlobalId('Organisation', organisation.id)}`,
        );
      }
    },
  },
};

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      as: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
      format: { type: 'string' },
      procedure: { type: 'string' },
      workflow: { type: 'string' },
      process: { type: 'string' },
      role: { type: 'string' },
      file: { type: 'string' },
      password: { type: 'string' },
      admin: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [commandName, ...args] = positionals;
  const command = commandName ? COMMANDS[commandName] : undefined;
  if (values.help || !command) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  const config = readConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    quietMigrations: true,
  });
  try {
    const em = database.orm.em.fork();
    await ensureFirstAdministrator(em, { email: config.adminEmail, password: config.adminPassword });
    const actor = await actingUser(em, values.as);
    if (command.needsAdministrator && !actor.administrator) {
      throw new UsageError(`${commandName} needs an administrator; ${actor.email} is not one.`);
    }
    await command.run(em, actor, args, values);
    return 0;
  } finally {
    await database.close();
  }
}

async function actingUser(em: EntityManager, email: string | undefined): Promise<User> {
  const user = email
    ? await em.findOne(User, { email: email.trim().toLowerCase() })
    : await em.findOne(User, { administrator: true }, { orderBy: { createdAt: 'asc' } });
  if (!user) throw new UsageError(email ? `No user ${email}.` : 'There is no administrator yet.');
  return user;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known =
      error instanceof UsageError ||
      error instanceof DomainError ||
      error instanceof EmbeddedDatabaseInUseError;
    console.error(known ? `usm: ${(error as Error).message}` : error);
    process.exit(known ? 2 : 1);
  },
);
