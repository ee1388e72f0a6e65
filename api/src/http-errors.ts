import type { ErrorRequestHandler, RequestHandler } from 'express';
import { logger } from './logger';
import { currentRequestId } from './request-scope';

/**
 * Errors raised by the HTTP layer before GraphQL runs (a body over the limit, malformed JSON) answered
 * in GraphQL's error shape with a stable code; Express's default page would show a stack trace.
 */
const CODES: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than this server accepts.' },
  415: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send GraphQL requests as POST with content-type application/json.',
  },
};

export const httpErrorHandler: ErrorRequestHandler = (error, _request, response, next) => {
  if (response.headersSent) {
    next(error);
    return;
  }
  const status =
    typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
  const requestId = currentRequestId();
  if (status === 500)
    logger.error({ err: error, requestId }, 'unexpected error while handling an HTTP request');
  const known = CODES[status] ?? {
    code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST',
    message: status === 500 ? 'Internal server error.' : 'The request could not be handled.',
  };
  response.status(status).json({
    errors: [
      { message: known.message, extensions: { code: known.code, ...(requestId ? { requestId } : {}) } },
    ],
  });
};

/**
 * GraphQL requests are JSON. A `text/plain` or form POST is what a cross-site page can send without a
 * preflight, so it is refused outright (Apollo's CSRF prevention would also stop it).
 */
export const refuseNonJsonPosts: RequestHandler = (request, response, next) => {
  if (request.method === 'POST' && !request.is('application/json')) {
    response.status(415).json({
      errors: [
        {
          message: CODES[415]!.message,
          extensions: { code: CODES[415]!.code, requestId: currentRequestId() },
        },
      ],
    });
    return;
  }
  next();
};
