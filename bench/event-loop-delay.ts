// Benchmark #3, event-loop delay inside the production server (child process, `seed:load`
// database) while it dispatches to N (1,000) connected phones: trigger over the API, every phone
// receives, answers the receipt and sends 收到; the histogram (perf_hooks.monitorEventLoopDelay,
// preloaded by bench/support/probe.mjs, no server change) covers trigger start → all acknowledged.
// Baseline in the same run: the same server with the same phones connected, idle, for as long.
// The first dispatch after a start runs cold (JIT, first statements): it is a warm-up round,
// reported on its own line, not taken into the target's worst round.
//   npx tsx bench/event-loop-delay.ts    BENCH_ASSIGNEES (1000)  BENCH_ROUNDS (3)  BENCH_WARMUP (1)  BENCH_WORKERS (4)
//   BENCH_SMOKE=1: 50 phones, one round, no warm-up
import { writeReport } from './lib/report';
import {
  connectBoard,
  connectFleet,
  createLoadDatabase,
  ensureNextBuild,
  envNumber,
  isSmoke,
  sleep,
  startServer,
  type LoopStats,
} from './support/fanout-harness';
import { describeRound, runRound } from './support/fanout-round';
import { pinning, pinThisProcessWithPhones } from './support/pin-cpu';

pinThisProcessWithPhones();

const size = isSmoke ? 50 : envNumber('BENCH_ASSIGNEES', 1000);
const rounds = isSmoke ? 1 : envNumber('BENCH_ROUNDS', 3);
const warmups = isSmoke ? 0 : envNumber('BENCH_WARMUP', 1);
const workers = envNumber('BENCH_WORKERS', 4);
const port = envNumber('BENCH_PORT', 3160) + 2;

ensureNextBuild();
const database = createLoadDatabase(size);
const server = await startServer('app', { port, database });
const idle: LoopStats[] = [];
const busy: LoopStats[] = [];
const cold: LoopStats[] = [];
const spans: number[] = [];
try {
  const fleet = await connectFleet(server.url, database.sessions.staff.slice(0, size), workers);
  const board = await connectBoard(server.url, database.sessions.command.find((person) => person.username === 'duty')!.cookie);
  await sleep(3_000);
  for (let round = 0; round < warmups + rounds; round += 1) {
    const outcome = await runRound({ server, fleet, board, database, timeoutMs: Math.max(60_000, size * 40) });
    const isWarmup = round < warmups;
    console.log(`[loop] dispatch${isWarmup ? ' (warm-up)' : ''} ${JSON.stringify(describeRound(outcome))}`);
    await sleep(3_000);
    if (isWarmup) {
      cold.push(outcome.loop);
      continue;
    }
    busy.push(outcome.loop);
    const span = Math.max(2_000, outcome.boardAllAckedMs ?? outcome.allAckedMs ?? 0);
    spans.push(span);
    // Idle for as long as the dispatch lasted (at least 2 s), same phones connected.
    await server.loopReset();
    await sleep(span);
    idle.push(await server.loopRead());
    console.log(`[loop] idle ${JSON.stringify(idle.at(-1))}`);
  }
  board.close();
  await fleet.close();
} catch (error) {
  console.error(server.log().slice(-4_000));
  throw error;
} finally {
  await server.stop();
  database.cleanup();
}

const worst = (stats: LoopStats[], field: 'p99' | 'max') => Math.max(...stats.map((entry) => entry[field]));
const busyP99 = worst(busy, 'p99');
const idleP99 = worst(idle, 'p99');
writeReport('event-loop-delay', {
  parameters: { pinning, assignees: size, rounds, warmups, workers, smoke: isSmoke, resolutionMs: 5 },
  results: { busy, idle, cold, spansMs: spans },
  rows: [
    {
      what: `event-loop delay during a ${size.toLocaleString('en')}-person dispatch: p99 (worst round) / max`,
      ours: `${busyP99} / ${worst(busy, 'max')} ms`,
      baseline: `${idleP99} / ${worst(idle, 'max')} ms (idle)`,
      ratio: idleP99 > 0 ? String(Math.round((busyP99 / idleP99) * 100) / 100) : '—',
      target: 'p99 ≤ 50 ms',
      isMet: isSmoke ? null : busyP99 <= 50,
    },
    ...cold.map((stats) => ({
      what: `the same, the first dispatch after a start (warm-up, not in the target): p99 / max`,
      ours: `${stats.p99} / ${stats.max} ms`,
      baseline: `${idleP99} / ${worst(idle, 'max')} ms (idle)`,
      ratio: idleP99 > 0 ? String(Math.round((stats.p99 / idleP99) * 100) / 100) : '—',
      target: '—',
      isMet: null,
    })),
  ],
});
process.exit(0);
