import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Shared set-up of the server-side benchmarks (trigger-api, ack-ingest, and the fan-out family's seeding): a fresh seed:load
// database, the production server (Next build + Socket.IO) as a child process on it.

export type LoadSessions = {
  planId: string;
  planRoleId: string;
  jurisdictionId: string;
  command: { username: string; userId: string; cookie: string }[];
  officers: { username: string; userId: string; cookie: string }[];
  staff: { username: string; userId: string; cookie: string }[];
};

/** The production server needs `next build`; build once if this worktree has none (minutes, on 2 cores). */
export function ensureNextBuild() {
  if (existsSync('.next/BUILD_ID')) return;
  console.log('[bench] no .next build: running `next build` once');
  execFileSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
}

/** `npm run seed:load` into dir/<name>.db (a load-marked file, replaced with --force), returns its sessions. */
export function seedLoadDatabase(options: { dir: string; name: string; staff: number; officers?: number; noEscalation?: boolean }) {
  mkdirSync(options.dir, { recursive: true });
  const file = path.resolve(options.dir, `${options.name}.db`);
  const sessionsFile = path.resolve(options.dir, `${options.name}-sessions.json`);
  const args = ['--import', 'tsx', 'scripts/seed-load.ts', '--db', file, '--staff', String(options.staff), '--sessions', sessionsFile];
  if (options.officers) args.push('--officers', String(options.officers));
  if (options.noEscalation) args.push('--no-escalation');
  if (existsSync(file)) args.push('--force');
  execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  return { file, sessionsFile, sessions: JSON.parse(readFileSync(sessionsFile, 'utf8')) as LoadSessions };
}

/**
 * The real production server (server/index.ts, NODE_ENV=production, as
 * tests/fault/support/server-process.ts starts it) on that file. BENCH_CPU_PROF=<dir> profiles
 * the server process (node --cpu-prof; written when it exits on SIGTERM).
 */
export async function startLoadServer(options: { file: string; port: number; dir: string }) {
  const profileDir = process.env.BENCH_CPU_PROF;
  const execArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  const child = spawn(process.execPath, [...execArgs, '--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(options.port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${options.file}`,
      UPLOAD_DIR: path.resolve(options.dir, 'uploads'),
      SEED_DEMO: '0',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  process.once('exit', () => child.kill('SIGKILL'));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (hasExited) throw new Error(`server exited during start-up:\n${log}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not healthy in time:\n${log}`);
    }
    const isHealthy = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (isHealthy) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    pid: child.pid!,
    log: () => log,
    /** SIGTERM (the server's graceful shutdown writes the profile), SIGKILL after 10 s. */
    stop: async () => {
      if (hasExited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export const isSmoke = process.env.BENCH_SMOKE === '1';
export const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) ? value : fallback;
};
