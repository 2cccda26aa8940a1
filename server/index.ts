import { EnvError, parseEnv } from './config/env';
import { startServer } from './start-server';

// The process entry: `npm start` (production, after a build) and `npm run dev` (with --dev).
const isDev = process.argv.includes('--dev');

async function main() {
  let env;
  try {
    env = parseEnv({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? (isDev ? 'development' : 'production') });
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
