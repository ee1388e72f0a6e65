import pino from 'pino';

/**
 * The structured server log (JSON lines on stdout). Every request logs with its request id, which
 * clients also see on masked internal errors, so a report can be matched to its log line.
 * USM_LOG_LEVEL sets the level (default info; tests use warn).
 *
 * Lines are written asynchronously: a write to stdout per request was a visible part of a simple
 * query's cost (docs/benchmarks.md). Lines written while a write is under way are sent together with the
 * next one; what is still buffered when the process exits is flushed synchronously then (pino registers
 * that), so only a SIGKILL or a crash of Node itself can lose the last lines.
 */
export const logger = pino(
  {
    level: process.env.USM_LOG_LEVEL ?? 'info',
    base: { service: 'usm-studio' },
    redact: { paths: ['password', '*.password', 'headers.authorization', 'headers.cookie'], remove: true },
  },
  pino.destination({ dest: 1, sync: false }),
);
