import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// `npm start`: build once if there is no production build yet, then serve it.
if (!existsSync('.next/BUILD_ID')) {
  console.log('[ecodispatch] no production build found: running `next build` first (takes a few minutes)');
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
Object.assign(process.env, { NODE_ENV: 'production' });
await import('../server/index');
