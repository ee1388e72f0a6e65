import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, NotFoundError } from '../domain/errors';
import { logger } from '../logger';
import { isDatabaseUnavailable } from './database-unavailable';
import { currentRequestId } from '../request-scope';
import { NODE_TYPES, toGlobalId, type NodeTypeName } from './global-id';

/**
 * The edge between our errors and clients. Domain errors keep their message and code; GraphQL's own
 * errors (syntax, validation, variable coercion) pass through with Apollo's codes; anything else is a
 * bug: it is logged here and the client sees only "Internal server error" — never SQL or a stack.
 */
const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'QUERY_TOO_COMPLEX',
]);

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return {
      message: publicMessage(original),
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: original.code, ...publicExtensions(original) },
    };
  }
  if (formatted.message.startsWith(TOO_MANY_VARIABLE_ERRORS)) {
    // graphql-js stops coercing variables after 50 errors and says so in an error without a code.
    return {
      message: 'Too many invalid values in the variables; the first 50 are reported above.',
      extensions: { code: 'BAD_USER_INPUT', field: 'variables' },
    };
  }
  const code = limitCodeOf(error) ?? formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    const field = code === 'BAD_USER_INPUT' ? variableFieldOf(formatted.message) : undefined;
    return { ...formatted, extensions: { ...extensions, code, ...(field ? { field } : {}) } };
  }
  const requestId = currentRequestId();
  if (isDatabaseUnavailable(error)) {
    logger.warn({ err: original, requestId }, 'database connection lost while answering a request');
    return {
      message:
        'The connection to the database was interrupted. Retry the request; if it was a change, read the ' +
        'object first: the change may or may not have been saved.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'DATABASE_UNAVAILABLE', retryable: true, requestId },
    };
  }
  logger.error(
    { err: original, requestId, path: formatted.path },
    'unexpected error while answering a GraphQL request',
  );
  return {
    message: `Internal server error (request ${requestId ?? 'unknown'}). It has been logged; please try again or report it with this id.`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}

/**
 * Apollo reports every validation error as GRAPHQL_VALIDATION_FAILED; our query limits carry their own
 * documented codes (QUERY_TOO_DEEP, …) on the original error, which we keep.
 */
function limitCodeOf(error: unknown): string | undefined {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const code = original instanceof GraphQLError ? original.extensions?.code : undefined;
  return typeof code === 'string' && LIMIT_CODES.has(code) ? code : undefined;
}

const TOO_MANY_VARIABLE_ERRORS = 'Too many errors processing variables';

const LIMIT_CODES = new Set(['QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'QUERY_TOO_COMPLEX']);

/**
 * GraphQL's own variable errors name the bad value only in their message, e.g.
 * `Variable "$input" got invalid value "x" at "input.version"; …` or
 * `…; Field "name" of required type "String!" was not provided.` We lift the path into
 * `extensions.field` so every BAD_USER_INPUT names its field the same way.
 */
function variableFieldOf(message: string): string | undefined {
  const variable = /^Variable "\$([^"]+)"/.exec(message)?.[1];
  if (!variable) return undefined;
  const at = / at "([^"]+)"/.exec(message)?.[1];
  const missing = /Field "([^"]+)" of required type/.exec(message)?.[1];
  const path = at ?? variable;
  return missing ? `${path}.${missing}` : path;
}

function publicMessage(error: DomainError): string {
  if (error instanceof NotFoundError && isNodeType(error.typeName)) {
    return `No ${error.typeName} with id ${toGlobalId(error.typeName, error.id)} exists.`;
  }
  return error.message;
}

function publicExtensions(error: DomainError): Record<string, unknown> {
  if (error instanceof NotFoundError) return { type: error.typeName };
  return error.extensions();
}

function isNodeType(name: string): name is NodeTypeName {
  return (NODE_TYPES as readonly string[]).includes(name);
}

/** Errors raised outside resolvers (e.g. by the HTTP layer) with a stable code. */
export function publicError(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}
