import { EnvError, parseEnv, type Env } from './kernel/config/env';
import { startServer } from './start-server';
import { createLogger, log, rootLogger, setRootLogger } from './kernel/log/logger';

// The process entry: `npm start` (production, after a build) and `npm run dev` (with --dev).
const isDev = process.argv.includes('--dev');

// In development, Next's file watcher sees the project folder. SQLite in WAL mode touches its
// -shm file even on reads, so a database under ./data made every page that reads it recompile
// and reload in a loop. Development data therefore lives under .next/, which the watcher ignores
// (and which a `next build` may wipe: it is demo data, reseeded on the next start).
const DEV_DATA_DEFAULTS = {
  DATABASE_URL: 'file:./.next/dev-data/ecodispatch.db',
  UPLOAD_DIR: './.next/dev-data/uploads',
};

async function main() {
  // Written into process.env (not just this parse) so getEnv() elsewhere sees the same values.
  if (isDev) for (const [name, value] of Object.entries(DEV_DATA_DEFAULTS)) process.env[name] ??= value;
  let env;
  try {
    env = parseEnv({
      ...process.env,
      NODE_ENV: process.env.NODE_ENV ?? (isDev ? 'development' : 'production'),
    });
  } catch (error) {
    if (error instanceof EnvError) {
      rootLogger().fatal(error.message);
      process.exit(1);
    }
    throw error;
  }
  setRootLogger(await processLogger(env, isDev));
  const server = await startServer(env, { dev: isDev });
  log().info({ url: server.url, mode: isDev ? 'development' : 'production', metricsPort: server.metricsPort }, 'ready');

  const shutdown = (signal: string) => {
    log().info({ signal }, 'closing');
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  rootLogger().fatal({ err: error }, 'failed to start');
  process.exit(1);
});

/** JSON lines on stdout; in `npm run dev`, pretty lines for a person (pino-pretty is a dev dependency). */
async function processLogger(env: Env, pretty: boolean) {
  const level = env.LOG_LEVEL ?? 'info';
  if (!pretty) return createLogger({ level });
  const { default: prettyStream } = await import('pino-pretty');
  return createLogger({
    level,
    destination: prettyStream({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' }),
  });
}
