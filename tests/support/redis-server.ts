import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../fault/support/server-process';

// A throwaway Redis server for the multi-node tests (Debian's `redis-server`, loopback only, no
// persistence), which a test can stop and start again on the same port to take Redis away.

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export type RedisServer = Awaited<ReturnType<typeof startRedis>>;

export async function startRedis() {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ecodispatch-redis-'));
  let child: ChildProcess | null = null;
  let log = '';

  async function start() {
    const started = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    started.once('error', (error) => {
      log += `\n${error.message}`;
    });
    started.stdout!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-5_000)));
    started.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-5_000)));
    running.add(started);
    child = started;
    const deadline = Date.now() + 10_000;
    while (!(await isListening(port))) {
      if (started.exitCode !== null || Date.now() > deadline) {
        throw new Error(`redis-server did not start (is the Debian package redis-server installed?):\n${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function stop() {
    const current = child;
    child = null;
    if (!current || current.exitCode !== null) return;
    const exited = new Promise((resolve) => current.once('exit', resolve));
    current.kill('SIGKILL');
    await exited;
    running.delete(current);
  }

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    /** Takes Redis away at once (kill -9): every node loses its pub/sub connection. */
    stop,
    /** Brings it back on the same port, empty (pub/sub holds no state). */
    start,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
