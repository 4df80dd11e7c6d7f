import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger } from 'pino';

interface LogContext {
  correlationId: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Keys whose values never reach a log line. */
const REDACT = [
  'password',
  'currentPassword',
  'newPassword',
  'refreshToken',
  'accessToken',
  'secret',
  'authorization',
  '*.password',
  '*.refreshToken',
  '*.secret',
  'req.headers.authorization',
  'req.headers.cookie',
];

let root: Logger = createLogger('hydroml', 'info');

function createLogger(service: string, level: string): Logger {
  return pino({
    level,
    base: { service },
    redact: { paths: REDACT, censor: '[redacted]' },
    mixin: () => {
      const ctx = storage.getStore();
      return ctx ? { correlationId: ctx.correlationId } : {};
    },
  });
}

/** Called once at boot: every later log line carries this service's name. */
export function configureLogger(service: string, level: string): Logger {
  root = createLogger(service, level);
  return root;
}

export function logger(): Logger {
  return root;
}

/** Runs `fn` with a correlation id that every log line inside it will carry. */
export function withCorrelationId<T>(correlationId: string, fn: () => T): T {
  return storage.run({ correlationId }, fn);
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}
