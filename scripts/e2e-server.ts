import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

// For Playwright: a production build and a fresh demo database, so every run starts the same.
const databaseFile = './data/e2e.db';
for (const suffix of ['', '-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });

if (process.env.E2E_SKIP_BUILD !== '1') {
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
Object.assign(process.env, { NODE_ENV: 'production', DATABASE_URL: `file:${databaseFile}`, SEED_DEMO: '1' });
await import('../server/index');
