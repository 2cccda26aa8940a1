import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger } from 'pino';

// Structured JSON logs (pino), one line per event. A request or socket event runs inside a
// context (its id and, once known, the actor), and every line logged while it runs carries them.
// Singletons on globalThis: Next's bundled route handlers and the custom server share one copy.
export type LogContext = { requestId: string; actorId?: string; event?: string };

const REDACTED = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'cookie',
  'password',
  'token',
  '*.password',
  '*.token',
  '*.cookie',
];

export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'ecodispatch' },
      redact: { paths: REDACTED, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

type LogGlobals = { ecodispatchLogger?: Logger; ecodispatchLogContext?: AsyncLocalStorage<LogContext> };
const globals = globalThis as unknown as LogGlobals;
const contexts = (globals.ecodispatchLogContext ??= new AsyncLocalStorage<LogContext>());

/** Set once by the process entry (server/index.ts, tests); until then a default info logger. */
export function setRootLogger(logger: Logger): void {
  globals.ecodispatchLogger = logger;
}

export const rootLogger = (): Logger =>
  (globals.ecodispatchLogger ??= createLogger({ level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info') }));

export function runWithLogContext<T>(context: LogContext, work: () => T): T {
  return contexts.run(context, work);
}

export const currentLogContext = (): LogContext | undefined => contexts.getStore();

/** Records who is acting, once the request has been authenticated. */
export function setLogActor(actorId: string): void {
  const context = contexts.getStore();
  if (context) context.actorId = actorId;
}

/** The logger for here and now: bound to the current request or socket event, if any. */
export function log(): Logger {
  const context = contexts.getStore();
  return context ? rootLogger().child(context) : rootLogger();
}
