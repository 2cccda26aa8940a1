// Several nodes: what the Redis hop costs a dispatch. The same 1,000 phones, on PostgreSQL,
// receive a 一键启动 triggered over the API (1) from one node holding them all (baseline) and
// (2) from node A of two nodes with Socket.IO's Redis adapter between them, half of the phones on
// each node, so half of the cards and their receipts travel through Redis. Measured as in
// dispatch-fanout.ts: trigger → received p99 per round, median over rounds.
//   npx tsx bench/multi-node-fanout.ts   BENCH_CLIENTS (1000)  BENCH_ROUNDS (7)  BENCH_WARMUP (2)  BENCH_WORKERS (4)
//   BENCH_SMOKE=1: 50 phones, one round
// The servers are not pinned to a core here: two nodes on one core would measure half a machine
// each. PostgreSQL is the tests' throwaway server (fsync off), the same for both configurations.
import { writeReport, type ReportRow } from './lib/report';
import { ratio } from './lib/stats';
import { startRedis } from '../tests/support/redis-server';
import { connectBoard, connectFleet, ensureNextBuild, envNumber, freePort, isSmoke, sleep, startServer } from './support/fanout-harness';
import { describeRound, pooled, round1, runRound, type RoundOutcome } from './support/fanout-round';
import { createPostgresLoadDatabase } from './support/postgres-load';

const size = isSmoke ? 50 : envNumber('BENCH_CLIENTS', 1000);
const rounds = isSmoke ? 1 : envNumber('BENCH_ROUNDS', 7);
// Two warm-up rounds: with one, the first measured round was still the slowest of either
// configuration in most runs (node B does its first real work in the warm-up round).
const warmups = isSmoke ? 0 : envNumber('BENCH_WARMUP', 2);
const workers = envNumber('BENCH_WORKERS', 4);
const TARGET = 1.25;

ensureNextBuild();
const database = await createPostgresLoadDatabase(size);
const redis = await startRedis();

/** Rounds against `nodeCount` nodes (2+: with the Redis adapter), phones spread over them, trigger on the first. */
async function measure(nodeCount: number) {
  const extraEnv: Record<string, string> = nodeCount > 1 ? { REDIS_URL: redis.url } : {};
  const servers = [];
  for (let index = 0; index < nodeCount; index += 1) {
    servers.push(await startServer('app', { port: await freePort(), database, extraEnv, isPinned: false }));
  }
  const outcomes: RoundOutcome[] = [];
  try {
    const fleet = await connectFleet(
      servers.map((server) => server.url),
      database.sessions.staff.slice(0, size),
      workers,
    );
    const duty = database.sessions.command.find((person) => person.username === 'duty')!;
    const board = await connectBoard(servers[0]!.url, duty.cookie);
    await sleep(2_000);
    for (let round = 0; round < warmups + rounds; round += 1) {
      const outcome = await runRound({ server: servers[0]!, fleet, board, database, timeoutMs: Math.max(60_000, size * 40) });
      if (round >= warmups) outcomes.push(outcome);
      console.log(`[multi-node] ${nodeCount} node(s)${round < warmups ? ' (warm-up)' : ''} ${JSON.stringify(describeRound(outcome))}`);
      await sleep(isSmoke ? 500 : 3_000);
    }
    board.close();
    await fleet.close();
  } catch (error) {
    for (const server of servers) console.error(server.log().slice(-3_000));
    throw error;
  } finally {
    for (const server of servers) await server.stop();
  }
  return pooled(outcomes);
}

const rows: ReportRow[] = [];
let results: Record<string, unknown> = {};
try {
  const one = await measure(1);
  const two = await measure(2);
  const p99Ratio = ratio(two.roundP99Median, one.roundP99Median);
  const ms = (value: number | null) => (value === null ? 'timed out' : `${round1(value)} ms`);
  rows.push(
    {
      what: `two nodes + Redis vs one node, N=${size} (PostgreSQL): trigger → received p99, median of ${rounds} rounds`,
      ours: ms(two.roundP99Median),
      baseline: `${ms(one.roundP99Median)} (one node)`,
      ratio: String(p99Ratio),
      target: `≤ ${TARGET}× one node; 0 lost`,
      isMet: isSmoke ? null : p99Ratio <= TARGET && two.lost === 0 && two.wrongCard === 0,
    },
    {
      what: `two nodes + Redis vs one node, N=${size}: trigger → all acknowledged (board on node A) · lost / wrong / dropped`,
      ours: `${ms(two.boardAllAckedMs)} · ${two.lost} / ${two.wrongCard} / ${two.disconnected}`,
      baseline: `${ms(one.boardAllAckedMs)} · ${one.lost} / ${one.wrongCard} / ${one.disconnected}`,
      ratio: two.boardAllAckedMs && one.boardAllAckedMs ? String(ratio(two.boardAllAckedMs, one.boardAllAckedMs)) : '—',
      target: '0 lost',
      isMet: two.lost === 0 && two.wrongCard === 0 && two.disconnected === 0 && two.boardAllAckedMs !== null,
    },
  );
  results = { oneNode: one, twoNodes: two, p99Ratio };
} finally {
  await redis.close();
  await database.cleanup();
}

writeReport('multi-node-fanout', {
  parameters: { clients: size, rounds, warmups, workers, smoke: isSmoke, database: 'postgresql (throwaway, fsync off)', pinning: null },
  results,
  rows,
});
process.exit(0);
