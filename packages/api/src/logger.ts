import pino from 'pino';

/** JSON logs to stdout; LOG_LEVEL=debug for more, silent in tests unless asked. */
export const logger = pino({
  level: process.env['LOG_LEVEL'] ?? (process.env['VITEST'] ? 'silent' : 'info'),
  base: { service: 'tafel-api' },
  redact: ['req.headers.authorization', 'headers.authorization'],
});
