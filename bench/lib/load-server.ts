import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startServerProcess } from '../../tests/fault/support/server-process';

// Shared set-up of the server-side benchmarks (trigger-api, ack-ingest): a fresh seed:load
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
  return { file, sessions: JSON.parse(readFileSync(sessionsFile, 'utf8')) as LoadSessions };
}

/**
 * The real production server on that file. BENCH_CPU_PROF=<dir> profiles the server process
 * (written when it exits on SIGTERM); the child inherits NODE_OPTIONS.
 */
export async function startLoadServer(options: { file: string; port: number; dir: string }) {
  const profileDir = process.env.BENCH_CPU_PROF;
  const previous = process.env.NODE_OPTIONS;
  if (profileDir) process.env.NODE_OPTIONS = `${previous ?? ''} --cpu-prof --cpu-prof-dir=${path.resolve(profileDir)}`.trim();
  try {
    return await startServerProcess({ databaseFile: options.file, port: options.port, uploadDir: path.resolve(options.dir, 'uploads') });
  } finally {
    if (profileDir) {
      if (previous === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = previous;
    }
  }
}

export const isSmoke = process.env.BENCH_SMOKE === '1';
export const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) ? value : fallback;
};
