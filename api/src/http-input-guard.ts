import type { RequestHandler } from 'express';
import { currentRequestId } from './request-scope';

/**
 * Text that PostgreSQL cannot store faithfully is refused at the door, for every field at once: NUL
 * characters (PostgreSQL rejects them) and lone UTF-16 surrogates (they would be stored altered, so two
 * different names could collide). The answer is a BAD_USER_INPUT naming the variable path.
 */
export const refuseUnstorableText: RequestHandler = (request, response, next) => {
  const body = request.body as { query?: unknown; variables?: unknown } | undefined;
  const offending = firstUnstorable(body?.query, 'query') ?? firstUnstorable(body?.variables, '');
  if (!offending) {
    next();
    return;
  }
  response.status(400).json({
    errors: [
      {
        message: `The text at "${offending}" contains a NUL character or broken Unicode, which cannot be stored.`,
        extensions: { code: 'BAD_USER_INPUT', field: offending, requestId: currentRequestId() },
      },
    ],
  });
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function firstUnstorable(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string')
    return value.includes('\u0000') || LONE_SURROGATE.test(value) ? path || 'variables' : null;
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const found = firstUnstorable(child, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}
