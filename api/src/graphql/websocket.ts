import type { IncomingMessage, Server } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { Context } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { withRequestScope, requestIdFrom } from '../request-scope';
import type { LoginThrottle } from '../services/auth/login-throttle';
import type { PresentationEvents } from '../services/presentation-events';
import { checkAccessRules } from './access-rules';
import type { RequestContext } from './context';
import { formatError } from './errors';
import { accessFor, type PresentedCredentials } from './principal';
import { queryLimitRules, type QueryLimits } from './query-limits';
import { SESSION_COOKIE, secretFromRequest } from './session-cookie';

export interface WebSocketSettings {
  httpServer: Server;
  schema: GraphQLSchema;
  orm: MikroORM;
  events: PresentationEvents;
  throttle: LoginThrottle;
  queryLimits: QueryLimits;
  introspection: boolean;
}

/** What a client may send in `connectionParams` (graphql-ws `createClient({ connectionParams })`). */
interface ConnectionParams {
  /** `Bearer <session or API token>` or `Share <share token>`, as the HTTP header. */
  authorization?: unknown;
  /** A presentation's share token. */
  shareToken?: unknown;
}

type SocketContext = Context<Record<string, unknown> | undefined, { request: IncomingMessage }>;

/**
 * GraphQL subscriptions over WebSocket (graphql-ws) on the HTTP server's `/graphql`. The same access as
 * over HTTP: the principal comes from the session cookie of the upgrade request (same origin only), or a
 * bearer or share token in the connection parameters, checked again for every operation; the same access
 * rules and query limits apply, and errors are formatted and masked the same way. Only subscriptions are
 * served here: queries and mutations go over HTTP (where CSRF prevention and body limits apply).
 */
export function serveWebSocket(settings: WebSocketSettings): { close(): Promise<void> } {
  const { schema, orm, events, throttle } = settings;
  const rules = [
    ...specifiedRules,
    ...queryLimitRules(settings.queryLimits),
    ...(settings.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
  const server = new WebSocketServer({ server: settings.httpServer, path: '/graphql' });
  const handle = useServer(
    {
      schema,
      onSubscribe: async (ctx: SocketContext, _id, payload) => {
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [
            codedError(error instanceof Error ? error.message : 'Syntax error', 'GRAPHQL_PARSE_FAILED'),
          ];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length > 0) return invalid.map(validationError);
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [codedError('Name the operation to run.', 'BAD_REQUEST')];
        if (operation.operation !== 'subscription') {
          return [
            codedError(
              'Only subscriptions are served over the WebSocket: send queries and mutations as HTTP POSTs.',
              'BAD_REQUEST',
            ),
          ];
        }
        const contextValue = await socketContext(ctx);
        try {
          checkAccessRules(schema, operation, document, contextValue.access);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map(formatted) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map(formatted),
    },
    server,
  );

  async function socketContext(ctx: SocketContext): Promise<RequestContext> {
    const request = ctx.extra.request;
    const credentials = credentialsOf(request, ctx.connectionParams as ConnectionParams | undefined);
    const context = {
      response: null,
      address: request.socket.remoteAddress ?? 'unknown',
      throttle,
      secret: credentials.secret,
      events,
    } as Omit<RequestContext, 'em' | 'loaders' | 'access'> as RequestContext;
    const renew = async () => {
      const em = orm.em.fork();
      Object.assign(context, { em, ...(await accessFor(em, credentials)) });
    };
    await renew();
    context.renew = renew;
    return context;
  }

  return {
    async close() {
      await handle.dispose();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function credentialsOf(request: IncomingMessage, params: ConnectionParams | undefined): PresentedCredentials {
  const authorization = typeof params?.authorization === 'string' ? params.authorization : '';
  const fromParams = authorization.startsWith('Bearer ') ? authorization.slice(7).trim() || null : null;
  const shareFromHeader = authorization.startsWith('Share ') ? authorization.slice(6).trim() || null : null;
  const shareToken = typeof params?.shareToken === 'string' ? params.shareToken : shareFromHeader;
  // The upgrade request's cookie counts only from our own origin: another site's page must not open a
  // socket that rides on the user's session (cross-site WebSocket hijacking).
  const cookie = sameOrigin(request)
    ? secretFromRequest({ headers: { cookie: request.headers.cookie } })
    : null;
  return { secret: fromParams ?? cookie, shareToken: shareToken || null };
}

function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin || !request.headers.cookie?.includes(`${SESSION_COOKIE}=`)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function codedError(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** Our query limits keep their own codes; GraphQL's own rules answer GRAPHQL_VALIDATION_FAILED (as Apollo). */
function validationError(error: GraphQLError): GraphQLError {
  if (typeof error.extensions?.code === 'string') return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
  });
}

function formatted(error: GraphQLError): GraphQLFormattedError {
  let result: GraphQLFormattedError = error.toJSON();
  withRequestScope(requestIdFrom(undefined), () => {
    result = formatError(error.toJSON(), error);
  });
  return result;
}
