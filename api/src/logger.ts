import pino from 'pino';

/**
 * The structured server log (JSON lines on stdout). Every request logs with its request id, which
 * clients also see on masked internal errors, so a report can be matched to its log line.
 * USM_LOG_LEVEL sets the level (default info; tests use warn).
 */
export const logger = pino({
  level: process.env.USM_LOG_LEVEL ?? 'info',
  base: { service: 'usm-studio' },
  redact: { paths: ['password', '*.password', 'headers.authorization', 'headers.cookie'], remove: true },
});
