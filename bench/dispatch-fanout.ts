// Benchmark #1, fan-out: N authenticated field phones (socket.io-client in forked worker processes,
// loopback), 一键启动 through POST /api/incidents on the production server (a child process over a
// `seed:load` database), measured from the start of the trigger request: trigger → card received
// p50/p99/max, and trigger → all acknowledged (收到 answered, and the board showing N of N).
// Baselines in the same run, measured the same way with the same phones:
//   bare          bench/support/bare-server.ts, a bare Socket.IO server emitting the same per-person
//                 card (a real card from our round, ~1 KB) to the same N phones; writes nothing;
//   bare-durable  the same server, but it first writes what a dispatch must make durable before it may
//                 announce anything (bench/support/durable-writes.ts), and writes each 收到. The targets
//                 are held against this one: nothing may be announced before it is durable.
// 0 lost: every phone got exactly its own card.
// Beside the phones' receipt times, each server's own pace: trigger → its last card written to a
// socket (bench/support/probe.mjs), which the phones cannot slow down.
// The phones must not be the bottleneck, and the output shows it: every round prints the phones'
// CPU share of their cores while the cards arrived (must stay ≤ 50 %), and a self-check measures the
// bare server again with twice the phone processes: if its p99 then falls by more than 10 %, the
// phones were holding it back. Either failure marks the size INVALID in the table and the JSON.
//   npx tsx bench/dispatch-fanout.ts
//   BENCH_SIZES=100,1000,5000,10000  BENCH_ROUNDS (5; 3 from 5,000 up)  BENCH_WORKERS (4)
//   BENCH_PORT (3160)  BENCH_CPU_PROF=<dir> (profiles of the servers)  BENCH_SMOKE=1 (N=50, one round)
//   BENCH_REF=<commit>: also the app as it was at that commit (its own worktree and build), same
//   phones, in blocks ref, ours, ours, ref on fresh databases: "no slowdown" against it.
import { percentile, summarize, ratio, type Summary } from './lib/stats';
import { writeReport, type ReportRow } from './lib/report';
import {
  connectBoard,
  connectFleet,
  createLoadDatabase,
  ensureNextBuild,
  envNumber,
  freePort,
  isSmoke,
  sleep,
  startServer,
  type LoadDatabase,
  type ServerKind,
} from './support/fanout-harness';
import { describeRound, PHONE_CPU_LIMIT, pooled, round1, runRound, type RoundOutcome } from './support/fanout-round';
import { phoneCores, pinning, pinThisProcessWithPhones } from './support/pin-cpu';
import { prepareRefWorktree } from './lib/ref-worktree';

pinThisProcessWithPhones();

const sizes = isSmoke
  ? [50]
  : (process.env.BENCH_SIZES ?? '100,1000,5000,10000')
      .split(',')
      .map(Number)
      .filter((n) => n > 0);
const workers = envNumber('BENCH_WORKERS', 4);
const appPort = envNumber('BENCH_PORT', 3160);

/** Rounds on one server: connect the fleet and the board, run, disconnect. */
async function measure(
  kind: ServerKind,
  database: LoadDatabase,
  size: number,
  options: { card?: Record<string, unknown>; cwd?: string; workers?: number } = {},
) {
  const { card, cwd } = options;
  const rounds = isSmoke ? 1 : envNumber('BENCH_ROUNDS', size >= 5000 ? 3 : 5);
  // A first, unmeasured round warms both servers' JIT the same way (skipped for the big sizes: too long).
  const warmups = isSmoke ? 0 : envNumber('BENCH_WARMUP', size >= 5000 ? 0 : 1);
  const timeoutMs = envNumber('BENCH_ROUND_TIMEOUT_MS', Math.max(60_000, size * 40));
  const server = await startServer(kind, { port: kind === 'app' && !cwd ? appPort : await freePort(), database, cwd });
  const outcomes: RoundOutcome[] = [];
  let sample: Record<string, unknown> | undefined;
  try {
    const fleet = await connectFleet(server.url, database.sessions.staff.slice(0, size), options.workers ?? workers);
    const board = await connectBoard(server.url, database.sessions.command.find((person) => person.username === 'duty')!.cookie);
    await sleep(2_000); // connection storm settled (presence, handshakes) before the first trigger
    for (let round = 0; round < warmups + rounds; round += 1) {
      const outcome = await runRound({ server, fleet, board, database, timeoutMs, card });
      if (round >= warmups) outcomes.push(outcome);
      sample ??= await fleet.sample();
      console.log(`[fanout]${round < warmups ? ' (warm-up)' : ''} ${JSON.stringify(describeRound(outcome))}`);
      await sleep(isSmoke ? 500 : 3_000); // lift and re-push traffic settles
    }
    board.close();
    await fleet.close();
  } catch (error) {
    console.error(server.log().slice(-4_000));
    throw error;
  } finally {
    await server.stop();
  }
  return { outcomes, sample };
}

const fmt = (summary: Summary) => `${round1(summary.p50)} / ${round1(summary.p99)} / ${round1(summary.max)} ms`;
const ms = (value: number | null) => (value === null ? 'timed out' : `${round1(value)} ms`);

type Pooled = ReturnType<typeof pooled>;

/**
 * The working tree and the app at BENCH_REF, in blocks ref, ours, ours, ref (so a drift of the
 * machine over the run weighs on both alike), each block on a fresh load database: a database
 * grown by the earlier blocks' incidents would favour whichever ran first.
 */
async function compareWithReference(size: number, referenceDir: string) {
  const ours: RoundOutcome[] = [];
  const before: RoundOutcome[] = [];
  let sample: Record<string, unknown> | undefined;
  for (const variant of ['ref', 'ours', 'ours', 'ref'] as const) {
    const database = createLoadDatabase(size);
    try {
      const block = await measure('app', database, size, variant === 'ref' ? { cwd: referenceDir } : {});
      (variant === 'ref' ? before : ours).push(...block.outcomes);
      if (variant === 'ours') sample ??= block.sample;
    } finally {
      database.cleanup();
    }
  }
  return { outcomes: before, ours: { outcomes: ours, sample } };
}

/** The working tree against the same app at BENCH_REF: no slowdown means within 10 % (round-to-round noise here is ≈ 5–10 %). */
function comparedWithRef(size: number, ours: Pooled, before: Pooled, commit: string): ReportRow[] {
  const p99 = ratio(ours.roundP99Median, before.roundP99Median);
  const acked = ours.boardAllAckedMs && before.boardAllAckedMs ? ratio(ours.boardAllAckedMs, before.boardAllAckedMs) : null;
  return [
    {
      what: `fan-out N=${size}: trigger → received p99 (median of rounds), working tree vs ${commit}`,
      ours: ms(ours.roundP99Median),
      baseline: ms(before.roundP99Median),
      ratio: String(p99),
      target: `no slowdown against ${commit} (≤ 1.1×)`,
      isMet: p99 <= 1.1,
    },
    {
      what: `fan-out N=${size}: trigger → all acknowledged (board), working tree vs ${commit}`,
      ours: ms(ours.boardAllAckedMs),
      baseline: ms(before.boardAllAckedMs),
      ratio: acked === null ? '—' : String(acked),
      target: `no slowdown against ${commit} (≤ 1.1×)`,
      isMet: acked !== null && acked <= 1.1,
    },
  ];
}

/** The self-check's threshold: with twice the phone processes the bare p99 may not fall by more than this. */
const SELF_CHECK_MAX_GAIN = 0.1;

/** Whether the phones kept up in every round of every server, and in the self-check. */
function validity(size: number, servers: Record<string, Pooled>, bare: Pooled, bareDoubled: Pooled) {
  const problems: string[] = [];
  for (const [kind, result] of Object.entries(servers)) {
    if (result.phoneBoundRounds > 0)
      problems.push(
        `${kind}: phones used ${Math.round(result.phonesCpuMax * 100)} % of their cores in ${result.phoneBoundRounds} round(s)`,
      );
  }
  const gain = 1 - bareDoubled.roundP99Median / bare.roundP99Median;
  if (gain > SELF_CHECK_MAX_GAIN)
    problems.push(
      `with ${workers * 2} phone processes the bare p99 fell by ${Math.round(gain * 100)} % (${round1(bare.roundP99Median)} → ${round1(bareDoubled.roundP99Median)} ms)`,
    );
  return { size, isValid: problems.length === 0, problems, selfCheck: { workers, doubled: workers * 2, gain: round1(gain * 100) } };
}

const describeGain = (gain: number | null) => (gain === null ? '—' : gain >= 0 ? `${gain} % lower` : `${-gain} % higher`);
const cpu = (result: Pooled) =>
  `${Math.round(result.phonesCpuMax * 100)} %${result.phoneCoresNeeded === null ? '' : ` (would need ${round1(result.phoneCoresNeeded)} cores)`}`;

if (!isSmoke) ensureNextBuild();
else if (!(await import('node:fs')).existsSync('.next/BUILD_ID')) ensureNextBuild();
const reference = process.env.BENCH_REF ? prepareRefWorktree(process.env.BENCH_REF) : null;
const rows: ReportRow[] = [];
const results: Record<string, unknown>[] = [];
for (const size of sizes) {
  const database = createLoadDatabase(size);
  try {
    const before = reference ? await compareWithReference(size, reference.dir) : null;
    const app = before?.ours ?? (await measure('app', database, size));
    const card = app.sample;
    if (!card) throw new Error('no card reached any phone in the app rounds: nothing to replay in the baselines');
    const durable = await measure('bare-durable', database, size, { card });
    const bare = await measure('bare', database, size, { card });
    const bareDoubled = await measure('bare', database, size, { card, workers: workers * 2 });
    const ours = pooled(app.outcomes);
    const base = pooled(durable.outcomes);
    const floor = pooled(bare.outcomes);
    const check = validity(size, { app: ours, 'bare-durable': base, bare: floor }, floor, pooled(bareDoubled.outcomes));
    const invalid = check.isValid ? '' : ' — INVALID: the phones were the bottleneck';
    const cardBytes = Buffer.byteLength(JSON.stringify(card));
    const p99Ratio = ratio(ours.roundP99Median, base.roundP99Median);
    const p99RatioBare = ratio(ours.roundP99Median, floor.roundP99Median);
    const ackedRatio = ours.allAckedMs && base.allAckedMs ? ratio(ours.allAckedMs, base.allAckedMs) : null;
    const ackedRatioBare = ours.allAckedMs && floor.allAckedMs ? ratio(ours.allAckedMs, floor.allAckedMs) : null;
    const isTargetSize = size === 1000 || size === 10000;
    const clean = ours.lost === 0 && ours.wrongCard === 0;
    rows.push({
      what: `fan-out N=${size}: trigger → received p99, median of ${app.outcomes.length} rounds (bare: ${ms(floor.roundP99Median)})${invalid}`,
      ours: ms(ours.roundP99Median),
      baseline: `bare-durable ${ms(base.roundP99Median)}`,
      ratio: `${p99Ratio} (÷ bare ${p99RatioBare})`,
      target: '≤ 1.3× bare-durable at 1,000 and 10,000; 0 lost',
      isMet: isTargetSize && check.isValid ? p99Ratio <= 1.3 && clean : null,
    });
    const outRatio = ours.lastCardOutMs && base.lastCardOutMs ? ratio(ours.lastCardOutMs, base.lastCardOutMs) : null;
    const outRatioBare = ours.lastCardOutMs && floor.lastCardOutMs ? ratio(ours.lastCardOutMs, floor.lastCardOutMs) : null;
    rows.push({
      what: `fan-out N=${size}: trigger → last card written by the server, median of rounds (server side, valid however busy the phones; bare: ${ms(floor.lastCardOutMs)})`,
      ours: ms(ours.lastCardOutMs),
      baseline: `bare-durable ${ms(base.lastCardOutMs)}`,
      ratio: outRatio === null ? '—' : `${outRatio} (÷ bare ${outRatioBare ?? '—'})`,
      target: '≤ 1.3× bare-durable at 1,000 and 10,000',
      isMet: isTargetSize && outRatio !== null ? outRatio <= 1.3 : null,
    });
    rows.push({
      what: `fan-out N=${size}: trigger → all 收到 answered, median of rounds (bare: ${ms(floor.allAckedMs)})${invalid}`,
      ours: ms(ours.allAckedMs),
      baseline: `bare-durable ${ms(base.allAckedMs)}`,
      ratio: ackedRatio === null ? '—' : `${ackedRatio} (÷ bare ${ackedRatioBare ?? '—'})`,
      target: '≤ 2× bare-durable at 10,000',
      isMet: size === 10000 && check.isValid && ackedRatio !== null ? ackedRatio <= 2 : null,
    });
    rows.push({
      what: `fan-out N=${size}: trigger → received p50 / p99 / max, all rounds pooled`,
      ours: fmt(ours.received),
      baseline: `bare-durable ${fmt(base.received)}; bare ${fmt(floor.received)}`,
      ratio: `${ratio(ours.received.p99, base.received.p99)} (p99)`,
      target: '—',
      isMet: null,
    });
    rows.push({
      what: `fan-out N=${size}: board shows all acknowledged · lost / wrong / dropped`,
      ours: `${ms(ours.boardAllAckedMs)} · ${ours.lost} / ${ours.wrongCard} / ${ours.disconnected}`,
      baseline: `bare-durable ${ms(base.boardAllAckedMs)} · ${base.lost} / ${base.wrongCard} / ${base.disconnected}`,
      ratio: ours.boardAllAckedMs && base.boardAllAckedMs ? String(ratio(ours.boardAllAckedMs, base.boardAllAckedMs)) : '—',
      target: '0 lost',
      isMet: clean && ours.disconnected === 0 && ours.boardAllAckedMs !== null,
    });
    rows.push({
      what: `fan-out N=${size}: the phones are not the bottleneck (CPU share of their ${phoneCores} core(s) while cards arrive, worst round; self-check with ${workers * 2} processes)`,
      ours: `app ${cpu(ours)}`,
      baseline: `bare-durable ${cpu(base)}; bare ${cpu(floor)}; bare p99 with 2× processes ${describeGain(check.selfCheck.gain)}`,
      ratio: '—',
      target: `≤ ${PHONE_CPU_LIMIT * 100} % of their cores; 2× processes ≤ ${SELF_CHECK_MAX_GAIN * 100} % faster`,
      isMet: check.isValid,
    });
    if (before && reference) rows.push(...comparedWithRef(size, ours, pooled(before.outcomes), reference.commit));
    results.push({
      size,
      valid: check.isValid,
      problems: check.problems,
      selfCheck: { ...check.selfCheck, bare: floor.roundP99Median, bareDoubled: pooled(bareDoubled.outcomes).roundP99Median },
      ...(before ? { ref: { commit: reference!.commit, ...pooled(before.outcomes), rounds: before.outcomes.map(describeRound) } } : {}),
      cardBytes,
      app: { ...ours, rounds: app.outcomes.map(describeRound) },
      bareDurable: { ...base, rounds: durable.outcomes.map(describeRound) },
      bare: { ...floor, rounds: bare.outcomes.map(describeRound) },
      bareDoubled: { ...pooled(bareDoubled.outcomes), rounds: bareDoubled.outcomes.map(describeRound) },
      p99Ratio,
      p99RatioBare,
      lastCardOutRatio: outRatio,
      lastCardOutRatioBare: outRatioBare,
      allAckedRatio: ackedRatio,
      allAckedRatioBare: ackedRatioBare,
    });
  } finally {
    database.cleanup();
  }
}

reference?.cleanup();

writeReport('dispatch-fanout', {
  parameters: {
    pinning,
    phoneCores,
    sizes,
    workers,
    smoke: isSmoke,
    ref: reference?.commit ?? null,
    rounds: process.env.BENCH_ROUNDS ?? 'default (5; 3 from 5,000 up)',
    warmups: process.env.BENCH_WARMUP ?? 'default (1; 0 from 5,000 up)',
  },
  results,
  rows,
});
process.exit(0);
