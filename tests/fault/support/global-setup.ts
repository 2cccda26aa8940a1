import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// The fault tests start the real production server, which needs a Next build. In `npm test` the
// Playwright run just before has built one; alone, build when none exists (FAULT_BUILD=1 forces
// a fresh build, e.g. after changing pages or route handlers).
export default function setup() {
  if (existsSync('.next/BUILD_ID') && process.env.FAULT_BUILD !== '1') return;
  console.log('[fault] building Next for production (no .next/BUILD_ID)');
  const build = spawnSync('npx', ['next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error('next build failed');
}
