// On a small machine the phones' worker processes and the measured server share the cores: a
// server busy with 收到 took CPU from the phones still reading their cards, so "received" measured
// the contention between the two as much as the server (the bare server, with no 收到 work, hardly
// competes). Pinning the server to the first core and the phones to the others, in both runs,
// keeps the load generator out of the measured process's way. BENCH_PIN=0 turns it off.
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const cores = availableParallelism();
const isPinning = process.env.BENCH_PIN !== '0' && cores >= 2 && hasTaskset();

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Every thread of `pid` on the server's core (or the phones' cores); a no-op where it cannot pin. */
export function pinProcess(pid: number | undefined, role: 'server' | 'phones'): void {
  if (!isPinning || pid === undefined) return;
  const cpus = role === 'server' ? '0' : `1-${cores - 1}`;
  execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
}

export const pinning = isPinning ? { server: 'cpu 0', phones: `cpus 1-${cores - 1}` } : null;

/** How many cores the phones' processes may use: their own when pinned, else every core (shared with the server). */
export const phoneCores = isPinning ? cores - 1 : cores;

/**
 * The benchmark's own process (it holds the duty board's socket and gathers the phones' results)
 * belongs with the load generator: left unpinned, the scheduler ran it on the server's core, where
 * its reading of every board update took time from the server being measured.
 */
export function pinThisProcessWithPhones(): void {
  pinProcess(process.pid, 'phones');
}
