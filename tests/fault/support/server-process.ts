import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

// The real production server (Next build + Socket.IO, server/index.ts) as a child process, so a
// test can kill -9 it and start it again on the same database and port. Plain `node --import tsx`
// (not npx/tsx wrappers): the pid we signal must be the server itself, or a kill -9 would hit
// the wrapper and leave an orphan listening.

const running = new Set<ChildProcess>();
// Whatever happens to the test (failure, timeout, worker torn down), no server outlives it.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export type ServerProcessOptions = {
  /** A SQLite file, or (databaseUrl) any DATABASE_URL, e.g. a PostgreSQL database. */
  databaseFile?: string;
  databaseUrl?: string;
  port: number;
  uploadDir: string;
  startTimeoutMs?: number;
  /** More variables for this node, e.g. REDIS_URL for a multi-node test. */
  extraEnv?: Record<string, string>;
};
export type ServerProcess = Awaited<ReturnType<typeof startServerProcess>>;

/** A free loopback port, chosen once, so that a restarted server comes back on the same address. */
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

export async function startServerProcess({
  databaseFile,
  databaseUrl,
  port,
  uploadDir,
  startTimeoutMs = 90_000,
  extraEnv = {},
}: ServerProcessOptions) {
  if (!databaseUrl && !databaseFile) throw new Error('startServerProcess needs databaseFile or databaseUrl');
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl ?? `file:${databaseFile}`,
    UPLOAD_DIR: uploadDir,
    SEED_DEMO: '0',
    NEXT_TELEMETRY_DISABLED: '1',
    ...extraEnv,
  };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: process.cwd(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? -1 : null));
    }),
  );

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  for (;;) {
    if (hasExited) throw new Error(`server exited during start-up:\n${log}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not healthy within ${startTimeoutMs} ms:\n${log}`);
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
    port,
    pid: child.pid!,
    log: () => log,
    /** kill -9: no shutdown handler runs, nothing is flushed by the process. */
    killHard: () => {
      child.kill('SIGKILL');
      return exited;
    },
    /** Graceful stop for clean-up; escalates to SIGKILL after 5 s. */
    stop: async () => {
      if (hasExited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
