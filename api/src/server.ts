import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { RequestContext as OrmRequestContext } from '@mikro-orm/core';
import express from 'express';
import type { Database } from './persistence/database';
import { currentStatementCount, withStatementCounter } from './persistence/sql-statement-counter';
import type { RequestContext } from './graphql/context';
import { formatError } from './graphql/errors';
import { httpErrorHandler } from './http-errors';
import { explorerRouter } from './graphql/explorer';
import { createLoaders } from './graphql/loaders';
import { usmSchema } from './graphql/schema';

export interface ServerSettings {
  database: Database;
  /** Serves the offline GraphQL explorer at /explorer (on in development). */
  explorer: boolean;
  /** Request bodies larger than this are refused before parsing. */
  bodyLimit?: string;
  /** Report each request's SQL statement count in an `x-sql-statements` header (tests, benchmarks). */
  reportStatements?: boolean;
}

const statementCountPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('x-sql-statements', String(currentStatementCount() ?? 0));
      },
    };
  },
};

export interface UsmServer {
  httpServer: Server;
  listen(port: number, host?: string): Promise<number>;
  stop(): Promise<void>;
}

const studioFolder = fileURLToPath(new URL('../../studio/public', import.meta.url));

/** The HTTP server: `/graphql` the API, `/explorer` the explorer in development, `/` the studio. */
export async function createUsmServer(settings: ServerSettings): Promise<UsmServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const apollo = new ApolloServer<RequestContext>({
    schema: await usmSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ...(settings.reportStatements ? [statementCountPlugin] : []),
    ],
  });
  await apollo.start();

  const { orm } = settings.database;
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok', database: settings.database.embedded ? 'embedded' : 'postgresql' });
  });
  app.use(
    '/graphql',
    express.json({ limit: settings.bodyLimit ?? '1mb' }),
    (_request, _response, next) => (settings.reportStatements ? withStatementCounter(next) : next()),
    // A fresh entity manager per request: no identity map is shared between requests.
    (_request, _response, next) => OrmRequestContext.create(orm.em, next),
    expressMiddleware(apollo, {
      context: async () => {
        const em = orm.em.fork();
        return { em, loaders: createLoaders(em) };
      },
    }),
  );
  if (settings.explorer) app.use('/explorer', explorerRouter());
  if (existsSync(studioFolder)) app.use(express.static(studioFolder));
  app.use(httpErrorHandler);

  return {
    httpServer,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    async stop() {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
