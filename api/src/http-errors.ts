import type { ErrorRequestHandler } from 'express';

/**
 * Errors raised by the HTTP layer before GraphQL runs (a body over the limit, malformed JSON) answered
 * in GraphQL's error shape with a stable code; Express's default page would show a stack trace.
 */
const CODES: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than this server accepts.' },
  415: { code: 'BAD_REQUEST', message: 'Send the request as application/json.' },
};

export const httpErrorHandler: ErrorRequestHandler = (error, _request, response, next) => {
  if (response.headersSent) {
    next(error);
    return;
  }
  const status =
    typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 500) console.error('Unexpected error while handling an HTTP request:', error);
  const known = CODES[status] ?? {
    code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST',
    message: status === 500 ? 'Internal server error.' : 'The request could not be handled.',
  };
  response.status(status).json({ errors: [{ message: known.message, extensions: { code: known.code } }] });
};
