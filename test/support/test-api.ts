import { openDatabase, type Database } from '@usm/api/src/persistence/database';
import { createUsmServer, type UsmServer } from '@usm/api/src/server';
import { createTestDatabase, type TestDatabase } from './test-database';

/**
 * The real API, in process, on a fresh PostgreSQL database: tests talk to it over HTTP exactly as a
 * client would. `statements` on each response is the number of SQL statements the request issued.
 */
export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
  statements: number;
  status: number;
}

export interface TestApi {
  url: string;
  database: Database;
  request<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Like request, but fails the test on any GraphQL error and returns `data`. */
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

export async function startTestApi(): Promise<TestApi> {
  const testDatabase: TestDatabase = await createTestDatabase();
  const database = await openDatabase({
    databaseUrl: testDatabase.url,
    dataDir: '',
    countStatements: true,
    quietMigrations: true,
  });
  const server: UsmServer = await createUsmServer({ database, explorer: true, reportStatements: true });
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;

  const request = async <T>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'statements' | 'status'>;
    return {
      ...body,
      statements: Number(response.headers.get('x-sql-statements') ?? NaN),
      status: response.status,
    };
  };

  return {
    url,
    database,
    request,
    async query<T>(query: string, variables?: Record<string, unknown>) {
      const response = await request<T>(query, variables);
      if (response.errors?.length) {
        throw new Error(`Unexpected GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
      }
      return response.data as T;
    },
    async close() {
      await server.stop();
      await database.close();
      await testDatabase.drop();
    },
  };
}
