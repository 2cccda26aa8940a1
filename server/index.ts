import { EnvError, parseEnv } from './config/env';
import { startServer } from './start-server';

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
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const server = await startServer(env, { dev: isDev });
  console.log(`[ecodispatch] ready on ${server.url} (${isDev ? 'development' : 'production'})`);

  const shutdown = (signal: string) => {
    console.log(`[ecodispatch] ${signal}: closing`);
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('[ecodispatch] failed to start', error);
  process.exit(1);
});
