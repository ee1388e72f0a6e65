import { openDatabase, type Database } from '@usm/api/src/persistence/database';
import { createUsmServer, type ServerSettings, type UsmServer } from '@usm/api/src/server';
import { createUser } from '@usm/api/src/services/auth/users';
import { createTestDatabase, type TestDatabase } from './test-database';

/**
 * The real API, in process, on a fresh PostgreSQL database: tests talk to it over HTTP exactly as a
 * client would. Requests are signed in as an administrator unless they say otherwise; `statements` on
 * each response is the number of SQL statements the request issued.
 */
export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
  statements: number;
  status: number;
}

export interface TestUser {
  id: string;
  email: string;
  token: string;
  /** How the token is sent: `Authorization: Bearer` (default), or `Share` for a presentation's share token. */
  scheme?: 'Bearer' | 'Share';
}

export interface TestApi {
  url: string;
  database: Database;
  admin: TestUser;
  request<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** As `user` (null: anonymous). */
  requestAs<T = any>(
    user: TestUser | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** Like request, but fails the test on any GraphQL error and returns `data`. */
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  queryAs<T = any>(user: TestUser | null, query: string, variables?: Record<string, unknown>): Promise<T>;
  /** A new signed-in (non-administrator) user. */
  createUser(email: string): Promise<TestUser>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'test-password-123';
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id email } } }`;

export async function startTestApi(overrides: Partial<ServerSettings> = {}): Promise<TestApi> {
  const testDatabase: TestDatabase = await createTestDatabase();
  const database = await openDatabase({
    databaseUrl: testDatabase.url,
    dataDir: '',
    countStatements: true,
    quietMigrations: true,
  });
  const server: UsmServer = await createUsmServer({
    database,
    explorer: true,
    reportStatements: true,
    ...overrides,
  });
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;

  const requestAs = async <T>(
    user: TestUser | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(user ? { authorization: `${user.scheme ?? 'Bearer'} ${user.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'statements' | 'status'>;
    return {
      ...body,
      statements: Number(response.headers.get('x-sql-statements') ?? NaN),
      status: response.status,
    };
  };
  const queryAs = async <T>(user: TestUser | null, query: string, variables?: Record<string, unknown>) => {
    const response = await requestAs<T>(user, query, variables);
    if (response.errors?.length) {
      throw new Error(`Unexpected GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
    }
    return response.data as T;
  };
  const signIn = async (email: string): Promise<TestUser> => {
    const { login } = await queryAs<any>(null, LOGIN, { email, password: TEST_PASSWORD });
    return { id: login.user.id, email, token: login.token };
  };

  await createUser(database.orm.em.fork(), {
    email: 'admin@example.org',
    password: TEST_PASSWORD,
    administrator: true,
  });
  const admin = await signIn('admin@example.org');

  return {
    url,
    database,
    admin,
    request: (query, variables) => requestAs(admin, query, variables),
    requestAs,
    query: (query, variables) => queryAs(admin, query, variables),
    queryAs,
    async createUser(email) {
      await queryAs(admin, `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
        i: { email, password: TEST_PASSWORD },
      });
      return signIn(email);
    },
    async close() {
      await server.stop();
      await database.close();
      await testDatabase.drop();
    },
  };
}
