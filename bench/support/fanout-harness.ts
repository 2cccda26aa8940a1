// Shared by the fan-out, connections-held and event-loop-delay benchmarks: a load database from
// the real `seed:load`, the production server (or the bare Socket.IO baseline) as a child process
// with the probe preloaded, a fleet of socket.io-client phones in forked worker processes, and a
// board socket that sees "all acknowledged" the way the duty officer's board does.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { io as connect, type Socket } from 'socket.io-client';
import { ensureNextBuild, seedLoadDatabase } from '../lib/load-server';
import type { ClientResult, WorkerLoad, WorkerMessage } from './client-worker';
import { pinProcess } from './pin-cpu';

export const now = () => performance.timeOrigin + performance.now();
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type Person = { username: string; userId: string; cookie: string };

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

export { ensureNextBuild };

/** Where a benchmark's load database lives and what it holds (SQLite here, PostgreSQL in bench/support/postgres-load.ts). */
export type LoadDatabase = {
  dir: string;
  /** DATABASE_URL for the servers under test. */
  databaseUrl: string;
  sessionsFile: string;
  sessions: ReturnType<typeof seedLoadDatabase>['sessions'];
  /** Acknowledged assignments of an incident, read from the database itself. */
  countAcknowledged(incidentId: string): Promise<number>;
  cleanup(): void | Promise<void>;
};

/** A fresh load database with `staff` on-duty people and their minted sessions (no escalation: no backup cards). */
export function createLoadDatabase(staff: number): LoadDatabase & { databaseFile: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ecodispatch-bench-'));
  const { file, sessionsFile, sessions } = seedLoadDatabase({ dir, name: 'load', staff, noEscalation: true });
  return {
    dir,
    databaseFile: file,
    databaseUrl: `file:${file}`,
    sessionsFile,
    sessions,
    async countAcknowledged(incidentId) {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        const row = db
          .prepare('SELECT count(*) AS n FROM assignments WHERE incident_id = ? AND acknowledged_at IS NOT NULL')
          .get(incidentId);
        return (row as { n: number }).n;
      } finally {
        db.close();
      }
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Our app; the bare Socket.IO baseline; the bare baseline that first writes what a dispatch must write. */
export type ServerKind = 'app' | 'bare' | 'bare-durable';
export type LoopStats = { count: number; p50: number; p99: number; max: number; mean: number };
/** Socket writes carrying a card since the last loop reset, and when the first and the last left (probe.mjs). */
export type CardsWritten = { written: number; firstAt: number | null; lastAt: number | null };

/**
 * Starts our production server (server/index.ts, unchanged) or the bare baseline as a child process
 * with bench/support/probe.mjs preloaded and --expose-gc, and waits until /api/health answers.
 * BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server when it stops. `cwd`: another checkout
 * of the app (bench/lib/ref-worktree.ts) to start instead of this one.
 */
export async function startServer(
  kind: ServerKind,
  options: { port: number; database: LoadDatabase; extraEnv?: Record<string, string>; isPinned?: boolean; cwd?: string },
) {
  const profileDir = process.env.BENCH_CPU_PROF;
  if (profileDir) mkdirSync(path.resolve(profileDir, kind), { recursive: true });
  const args = [
    '--expose-gc',
    // One file per thread (the tsx loader has its own): the main thread's is the biggest.
    ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir, kind)}`] : []),
    '--import',
    path.resolve('bench/support/probe.mjs'),
    '--import',
    'tsx',
    kind === 'app' ? 'server/index.ts' : 'bench/support/bare-server.ts',
  ];
  const durableEnv: Record<string, string> = kind === 'bare-durable' ? { BARE_DURABLE: '1' } : {};
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('BENCH_') && name !== 'NODE_OPTIONS'),
  );
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: {
      ...inherited,
      NODE_ENV: 'production',
      PORT: String(options.port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.database.databaseUrl,
      UPLOAD_DIR: path.join(options.database.dir, 'uploads'),
      SEED_DEMO: '0',
      NEXT_TELEMETRY_DISABLED: '1',
      BENCH_SESSIONS: options.database.sessionsFile,
      ...durableEnv,
      ...options.extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  if (options.isPinned !== false) pinProcess(child.pid, 'server');
  children.add(child);
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let hasExited = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      hasExited = true;
      children.delete(child);
      resolve();
    }),
  );
  let nextId = 0;
  const waiting = new Map<number, (body: Record<string, unknown>) => void>();
  child.on('message', (message: { probeReply?: number }) => {
    if (typeof message?.probeReply === 'number') waiting.get(message.probeReply)?.(message as Record<string, unknown>);
  });
  const probe = <T>(command: 'loop-reset' | 'loop-read' | 'memory'): Promise<T> => {
    const id = (nextId += 1);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`probe ${command} timed out`)), 60_000);
      waiting.set(id, (body) => {
        clearTimeout(timer);
        waiting.delete(id);
        resolve(body as T);
      });
      child.send({ probe: command, id });
    });
  };

  /** The loop's delays and the cards written since the last reset. */
  const roundRead = () => probe<{ loop: LoopStats; cards: CardsWritten }>('loop-read');

  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (hasExited) throw new Error(`${kind} server exited during start-up:\n${log}`);
    if (Date.now() > deadline) throw new Error(`${kind} server not healthy in time:\n${log}`);
    const isHealthy = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (isHealthy) break;
    await sleep(200);
  }

  return {
    kind,
    url,
    pid: child.pid!,
    log: () => log,
    loopReset: () => probe<object>('loop-reset'),
    loopRead: async () => (await roundRead()).loop,
    roundRead,
    /** Heap after two full GCs, and the resident set (from /proc, as the OS sees it). */
    memory: async () => {
      const { memory } = await probe<{ memory: NodeJS.MemoryUsage }>('memory');
      return { ...memory, rss: residentBytes(child.pid!) };
    },
    stop: async () => {
      if (hasExited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
export type MeasuredServer = Awaited<ReturnType<typeof startServer>>;

function residentBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? Number.NaN) * 1024;
}

type WorkerReply = { type: string; [key: string]: unknown };

/**
 * `people` split over `workers` forked processes, one socket.io-client each, all connected to
 * `url`; with several URLs (several app nodes), worker i connects its share to url i mod n.
 */
export async function connectFleet(url: string | string[], people: Person[], workers: number) {
  const urls = Array.isArray(url) ? url : [url];
  const count = Math.max(1, Math.min(workers, people.length));
  const processes = Array.from({ length: count }, () => {
    const child = fork('bench/support/client-worker.ts', [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    pinProcess(child.pid, 'phones');
    children.add(child);
    child.once('exit', () => children.delete(child));
    return child;
  });
  const next = (child: ChildProcess, type: string, timeoutMs = 300_000) =>
    new Promise<WorkerReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.off('message', listener);
        reject(new Error(`worker: no '${type}' within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (message: WorkerReply) => {
        if (message?.type !== type) return;
        clearTimeout(timer);
        child.off('message', listener);
        resolve(message);
      };
      child.on('message', listener);
    });
  const all = (message: WorkerMessage, reply: string, timeoutMs?: number) =>
    Promise.all(
      processes.map((child) => {
        const answer = next(child, reply, timeoutMs);
        child.send(message);
        return answer;
      }),
    );

  await Promise.all(processes.map((child) => next(child, 'ready', 60_000)));
  const shares = processes.map((_, index) => people.filter((__, at) => at % count === index));
  const connected = await Promise.all(
    processes.map((child, index) => {
      const answer = next(child, 'connected');
      child.send({ type: 'connect', url: urls[index % urls.length]!, people: shares[index]!, concurrency: 50 } satisfies WorkerMessage);
      return answer;
    }),
  );
  const failed = connected.reduce((sum, reply) => sum + Number(reply.failed), 0);
  if (failed > 0)
    throw new Error(
      `${failed} of ${people.length} phones could not connect: ${connected.flatMap((reply) => reply.errors as string[]).join(', ')}`,
    );

  // The processes that have phones expecting a card this round (all, unless `arm` named some people).
  let waitingOn = processes;
  return {
    size: people.length,
    workers: count,
    /**
     * Resets every phone's round state; resolves once all workers are listening. `expected`: the
     * people who get a card this round (default: all); `ack: false`: no 收到 (the round ends at the last card).
     */
    arm: async (options: { expected?: string[]; ack?: boolean } = {}) => {
      const replies = await all({ type: 'arm', ...options }, 'armed');
      waitingOn = processes.filter((_, index) => Number(replies[index]!.pending ?? 1) > 0);
    },
    /** Resolves when every phone has had its 收到 answered, or after `timeoutMs` (then false). */
    waitAcked: (timeoutMs: number) =>
      Promise.all(waitingOn.map((child) => next(child, 'done', timeoutMs))).then(
        () => true,
        () => false,
      ),
    collect: async () => {
      const replies = await all({ type: 'collect' }, 'results');
      return {
        // Which node each phone was connected to (worker i connected to url i mod n).
        results: replies.flatMap((reply, index) =>
          (reply.results as ClientResult[]).map((result) => ({ ...result, node: index % urls.length })),
        ),
        disconnected: replies.reduce((sum, reply) => sum + Number(reply.disconnected), 0),
        loads: replies.map((reply) => reply.load as WorkerLoad),
      };
    },
    /** The phone processes' pids (for their CPU time). */
    pids: processes.map((child) => child.pid!),
    sample: async () =>
      (await all({ type: 'sample' }, 'sample')).map((reply) => reply.card).find(Boolean) as Record<string, unknown> | undefined,
    close: async () => {
      await all({ type: 'close' }, 'closed', 30_000).catch(() => undefined);
      for (const child of processes) child.kill('SIGKILL');
    },
  };
}
export type Fleet = Awaited<ReturnType<typeof connectFleet>>;

/** The duty officer's board: an authenticated socket in the command room that watches acknowledgement counts. */
export async function connectBoard(url: string, cookie: string) {
  const socket: Socket = connect(url, { extraHeaders: { cookie }, transports: ['websocket'], reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  let watch: { incidentId: string | null; expected: number; resolve: (at: number) => void } | null = null;
  const early = new Map<string, number>();
  socket.on('incident:updated', (message: { incident: { id: string; counts: { acknowledged: number } } }) => {
    const { id, counts } = message.incident;
    if (watch && (watch.incidentId === null || watch.incidentId === id) && counts.acknowledged >= watch.expected) {
      watch.resolve(now());
      watch = null;
    } else if (counts.acknowledged >= (early.get(id) ?? 0)) early.set(id, counts.acknowledged);
  });
  return {
    /** When the board first shows `expected` acknowledgements for the incident (null: any incident), or null on timeout. */
    allAcknowledged: (incidentId: string | null, expected: number, timeoutMs: number) =>
      new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => {
          watch = null;
          resolve(null);
        }, timeoutMs);
        watch = {
          incidentId,
          expected,
          resolve: (at) => {
            clearTimeout(timer);
            resolve(at);
          },
        };
      }),
    close: () => socket.disconnect(),
  };
}

export async function postJson<T>(url: string, cookie: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(url).origin, cookie },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(300_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

export const envNumber = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(value) && value >= 0 ? value : fallback;
};
export const isSmoke = process.env.BENCH_SMOKE === '1';
