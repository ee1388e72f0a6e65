import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { RequestContext as OrmRequestContext } from '@mikro-orm/core';
import express, { type Request, type RequestHandler } from 'express';
import { accessRulePlugin } from './graphql/access-rules';
import type { RequestContext } from './graphql/context';
import { compiledExecutionGateway } from './graphql/compiled-execution';
import { formatError } from './graphql/errors';
import { explorerRouter } from './graphql/explorer';
import { DEFAULT_QUERY_LIMITS, queryLimitRules, type QueryLimits } from './graphql/query-limits';
import { accessFor } from './graphql/principal';
import { usmSchema } from './graphql/schema';
import { secretFromRequest, shareTokenFromRequest } from './graphql/session-cookie';
import { serveWebSocket } from './graphql/websocket';
import { httpErrorHandler, refuseNonJsonPosts } from './http-errors';
import { refuseUnstorableText } from './http-input-guard';
import { logger } from './logger';
import type { Database } from './persistence/database';
import { currentStatementCount, withStatementCounter } from './persistence/sql-statement-counter';
import { requestIdFrom, withRequestScope } from './request-scope';
import { LoginThrottle, type ThrottleLimits } from './services/auth/login-throttle';
import { DEFAULT_PRINCIPAL_CACHE_MS, enablePrincipalCache } from './services/auth/principal-cache';
import {
  InProcessPresentationEvents,
  PostgresPresentationEvents,
  type PresentationEvents,
} from './services/presentation-events';

export interface ServerSettings {
  database: Database;
  /** Serves the offline GraphQL explorer at /explorer (on in development). */
  explorer: boolean;
  /** Schema introspection (off in production unless asked for). */
  introspection?: boolean;
  /** Request bodies larger than this are refused before parsing. */
  bodyLimit?: string;
  queryLimits?: QueryLimits;
  loginThrottle?: ThrottleLimits;
  /**
   * How long this process may reuse who a secret stands for (user and memberships) without asking the
   * database; revocations elsewhere take up to this long to count here (principal-cache.ts). 0: off.
   */
  principalCacheMs?: number;
  /**
   * Execute operations with compiled code (graphql-jit, compiled-execution.ts) rather than graphql-js's
   * interpreter. Default on; off compares the two (benchmarks) or rules the compiler out when debugging.
   */
  compiledExecution?: boolean;
  /** Report each request's SQL statement count in an `x-sql-statements` header (tests, benchmarks). */
  reportStatements?: boolean;
  /**
   * Where presentation moves are published and followed. Default: PostgreSQL LISTEN/NOTIFY on a
   * PostgreSQL server (several API processes may serve one database), within this process on the
   * embedded database (one process by construction).
   */
  presentationEvents?: PresentationEvents;
}

export interface UsmServer {
  httpServer: Server;
  presentationEvents: PresentationEvents;
  listen(port: number, host?: string): Promise<number>;
  stop(): Promise<void>;
}

// The built studio (studio/dist, or USM_STUDIO_DIR for a build elsewhere) when present; the placeholder
// page otherwise.
const studioBuild =
  process.env.USM_STUDIO_DIR || fileURLToPath(new URL('../../studio/dist', import.meta.url));
const studioPlaceholder = fileURLToPath(new URL('../../studio/public', import.meta.url));
const studioFolder = existsSync(join(studioBuild, 'index.html')) ? studioBuild : studioPlaceholder;

/** The HTTP server: `/graphql` the API, `/explorer` the explorer in development, `/` the studio. */
export async function createUsmServer(settings: ServerSettings): Promise<UsmServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const schema = await usmSchema();
  const apollo = new ApolloServer<RequestContext>({
    ...(settings.compiledExecution === false ? { schema } : { gateway: compiledExecutionGateway(schema) }),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: settings.introspection ?? true,
    // Apollo's CSRF prevention: a browser cannot send a "simple" cross-site request that runs an operation.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts stops the whole server on SIGINT/SIGTERM; Apollo stopping itself too left both waiting.
    stopOnTerminationSignals: false,
    validationRules: queryLimitRules(settings.queryLimits ?? DEFAULT_QUERY_LIMITS),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No field declares a cache hint; the plugin would still wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      accessRulePlugin,
      ...(settings.reportStatements ? [statementCountPlugin] : []),
    ],
  });
  await apollo.start();

  const { orm } = settings.database;
  enablePrincipalCache(orm, settings.principalCacheMs ?? DEFAULT_PRINCIPAL_CACHE_MS);
  const throttle = new LoginThrottle(settings.loginThrottle);
  const ownEvents = settings.presentationEvents
    ? null
    : settings.database.embedded
      ? new InProcessPresentationEvents()
      : await PostgresPresentationEvents.start(orm.config.get('clientUrl')!);
  const events = settings.presentationEvents ?? ownEvents!;
  // Subscriptions (presentationMoved) over WebSocket on the same server and path.
  const webSocket = serveWebSocket({
    httpServer,
    schema,
    orm,
    events,
    throttle,
    queryLimits: settings.queryLimits ?? DEFAULT_QUERY_LIMITS,
    introspection: settings.introspection ?? true,
  });
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok', database: settings.database.embedded ? 'embedded' : 'postgresql' });
  });
  app.use('/graphql', requestScope);
  app.use(
    '/graphql',
    refuseNonJsonPosts,
    express.json({ limit: settings.bodyLimit ?? '1mb' }),
    refuseUnstorableText,
    (_request, _response, next) => (settings.reportStatements ? withStatementCounter(next) : next()),
    // A fresh entity manager per request: no identity map is shared between requests.
    (_request, _response, next) => OrmRequestContext.create(orm.em, next),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const em = orm.em.fork();
        const secret = secretFromRequest(req);
        const { loaders, access } = await accessFor(em, { secret, shareToken: shareTokenFromRequest(req) });
        return {
          em,
          loaders,
          access,
          response: res,
          address: clientAddress(req),
          throttle,
          secret,
          events,
        };
      },
    }),
  );
  if (settings.explorer) app.use('/explorer', explorerRouter());
  if (existsSync(studioFolder)) {
    app.use(express.static(studioFolder, { index: 'index.html' }));
    // The studio routes in the browser: any other page address gets its index.html.
    app.get(/^\/(?!graphql|explorer|health).*/, (_request, response) =>
      response.sendFile(join(studioFolder, 'index.html')),
    );
  }
  app.use(httpErrorHandler);

  return {
    httpServer,
    presentationEvents: events,
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
      await webSocket.close();
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      if (ownEvents instanceof PostgresPresentationEvents) await ownEvents.close();
    },
  };
}

/** Gives each request an id (the client's `x-request-id` when plain), echoed back and used in the log. */
const requestScope: RequestHandler = (request, response, next) => {
  const requestId = requestIdFrom(request.headers['x-request-id']);
  response.setHeader('x-request-id', requestId);
  const startedAt = performance.now();
  response.on('finish', () =>
    logger.info(
      {
        requestId,
        method: request.method,
        status: response.statusCode,
        ms: Math.round(performance.now() - startedAt),
      },
      'graphql request',
    ),
  );
  withRequestScope(requestId, next);
};

function clientAddress(request: Request): string {
  return request.socket.remoteAddress ?? 'unknown';
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
