// What the database side of a big dispatch costs, at the verb level, with
// no sockets: `triggerIncident` for BENCH_SIZES assignees (default 1,000 and 10,000) on a
// seed:load file database (WAL + synchronous=FULL, db/index.ts), split into the transaction
// (BEGIN → COMMIT) and the read-back after it (board rows + role cards), and one
// `acknowledgeAssignment` inside such an incident (its cost grew with the incident's size).
// The SMS channel is configured, so every card also queues its outbox row, as in production.
// Baseline in the same run, on the same connection: raw better-sqlite3 prepared inserts of the same
// rows (incident, cards, audit rows, outbox rows, same values) in one BEGIN IMMEDIATE transaction
// (bench/support/durable-writes.ts). Verb and raw rounds alternate (verb first in even rounds, raw
// first in odd ones) so drift of the machine and the growing file weigh on both; BENCH_WARMUP (1)
// rounds of each come first and are reported apart (first use of statements, JIT).
// Target: median of the verb's transactions ≤ 2× the median of the raw ones (ratio printed per size).
// BENCH_CPU_PROF=<dir>: a V8 CPU profile of each measured verb round alone (bench/support/cpuprofile-top.ts).
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db';
import { findSessionActor } from '../server/kernel/auth/session';
import { setChannelEnv } from '../server/notify/channel-config';
import { getEnv } from '../server/kernel/config/env';
import { createContext } from '../server/context';
import { acknowledgeAssignment, triggerIncident } from '../server/dispatch';
import { recordingEmitter } from '../tests/helpers/fixtures';
import { writeReport, type ReportRow } from './lib/report';
import { envNumber, isSmoke, seedLoadDatabase } from './lib/load-server';
import { ratio, summarize } from './lib/stats';
import { openDurableWrites } from './support/durable-writes';

const SIZES = (process.env.BENCH_SIZES ?? (isSmoke ? '50' : '1000,10000')).split(',').map(Number);
const ROUNDS = envNumber('BENCH_ROUNDS', isSmoke ? 1 : 3);
const ACKS = envNumber('BENCH_ACKS', isSmoke ? 10 : 200);
const WARMUP = envNumber('BENCH_WARMUP', isSmoke ? 0 : 1);
const PROFILE_DIR = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null;
const TARGET = 2;
const DIR = path.resolve(process.env.BENCH_DIR ?? 'data/bench-trigger-verb');

process.env.DATABASE_URL ??= 'file::memory:';
setChannelEnv({ ...getEnv(), SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms', SMS_GATEWAY_SECRET: 'bench-only' });

const rows: ReportRow[] = [];
const results: Record<string, unknown> = {};
for (const size of SIZES) {
  const { file, sessions } = seedLoadDatabase({ dir: DIR, name: `trigger-verb-${size}`, staff: size, noEscalation: false });
  // When the transaction opens and commits, seen on the connection itself (no change to the verb).
  let beganAt = 0;
  let committedAt = 0;
  const { db, close, sqlite } = openDatabase(file);
  // The same, for control statements prepared on the connection (db/transaction.ts after the change).
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source);
    if (source !== 'BEGIN IMMEDIATE' && source !== 'COMMIT') return statement;
    const runStatement = statement.run.bind(statement);
    statement.run = ((...parameters: unknown[]) => {
      if (source === 'BEGIN IMMEDIATE') beganAt = performance.now();
      const result = runStatement(...(parameters as []));
      if (source === 'COMMIT') committedAt = performance.now();
      return result;
    }) as typeof statement.run;
    return statement;
  }) as typeof sqlite.prepare;
  const run = db.run.bind(db);
  const { dialect } = db as unknown as { dialect: { sqlToQuery: (query: ReturnType<typeof sql>) => { sql: string } } };
  db.run = ((query: Parameters<typeof db.run>[0]) => {
    const text = dialect.sqlToQuery(query as ReturnType<typeof sql>).sql;
    if (text === 'BEGIN IMMEDIATE') beganAt = performance.now();
    const result = run(query);
    if (text === 'COMMIT') committedAt = performance.now();
    return result;
  }) as typeof db.run;

  const duty = (await findSessionActor(db, sessions.command[0]!.cookie.split('=')[1]))!;
  const ctx = createContext(duty, { db, emitter: recordingEmitter() });
  // The baseline on the verb's own connection: same file, same page cache, same pragmas.
  const raw = openDurableWrites(
    sqlite,
    sessions.planId,
    sessions.staff.map((person) => person.userId),
    { outbox: true },
  );
  const profiler = PROFILE_DIR ? new Session() : null;
  profiler?.connect();
  await profiler?.post('Profiler.enable');
  let lastIncident: Awaited<ReturnType<typeof triggerIncident>> | null = null;
  let round = 0;
  const runVerb = async (profileName: string | null) => {
    if (profileName) await profiler?.post('Profiler.start');
    const started = performance.now();
    lastIncident = await triggerIncident({
      ctx,
      input: { planId: sessions.planId, location: { lat: 29.6, lng: 106.3 }, description: `基准 ${size} #${round}`, drill: true },
    });
    const ended = performance.now();
    if (profileName && profiler) {
      const { profile } = await profiler.post('Profiler.stop');
      mkdirSync(PROFILE_DIR!, { recursive: true });
      writeFileSync(path.join(PROFILE_DIR!, `${profileName}.cpuprofile`), JSON.stringify(profile));
    }
    if (lastIncident.assignments.length !== size) throw new Error(`expected ${size} assignments, got ${lastIncident.assignments.length}`);
    return { transaction: committedAt - beganAt, afterCommit: ended - committedAt, total: ended - started };
  };
  const runRaw = () => {
    const started = performance.now();
    const cards = raw.dispatch(randomUUID());
    const elapsed = performance.now() - started;
    if (cards.length !== size) throw new Error(`raw baseline wrote ${cards.length} cards, expected ${size}`);
    return elapsed;
  };

  const warmup: { transactionMs: number[]; rawTransactionMs: number[] } = { transactionMs: [], rawTransactionMs: [] };
  for (; round < WARMUP; round += 1) {
    warmup.transactionMs.push((await runVerb(null)).transaction);
    warmup.rawTransactionMs.push(runRaw());
  }
  const transactionMs: number[] = [];
  const rawMs: number[] = [];
  const afterCommitMs: number[] = [];
  const totalMs: number[] = [];
  for (let measured = 0; measured < ROUNDS; measured += 1, round += 1) {
    // Alternate which goes first, so neither always runs on the slightly larger file or after the other's garbage.
    if (measured % 2 === 1) rawMs.push(runRaw());
    const verb = await runVerb(PROFILE_DIR ? `verb-${size}-round${measured}` : null);
    transactionMs.push(verb.transaction);
    afterCommitMs.push(verb.afterCommit);
    totalMs.push(verb.total);
    if (measured % 2 === 0) rawMs.push(runRaw());
    console.log(
      `[trigger-verb] ${size}: round ${measured + 1}/${ROUNDS} verb ${verb.transaction.toFixed(1)} ms, raw ${rawMs.at(-1)!.toFixed(1)} ms`,
    );
  }
  profiler?.disconnect();
  raw.close();

  // 收到 by ACKS people of the last incident, one after the other, each as its own actor.
  const ackMs: number[] = [];
  const byUser = new Map(lastIncident!.assignments.map((view) => [view.userId, view.id]));
  for (const person of sessions.staff.slice(0, ACKS)) {
    const actor = (await findSessionActor(db, person.cookie.split('=')[1]))!;
    const started = performance.now();
    await acknowledgeAssignment({
      ctx: createContext(actor, { db, emitter: recordingEmitter() }),
      input: { assignmentId: byUser.get(person.userId)! },
    });
    ackMs.push(performance.now() - started);
  }
  close();

  const tx = summarize(transactionMs);
  const rawTx = summarize(rawMs);
  const txRatio = ratio(tx.p50, rawTx.p50);
  const after = summarize(afterCommitMs);
  const total = summarize(totalMs);
  const ack = summarize(ackMs);
  results[String(size)] = {
    transactionMs,
    rawTransactionMs: rawMs,
    // Median of the verb's transactions ÷ median of the raw ones; the target is ≤ TARGET.
    transactionRatio: txRatio,
    transactionTarget: TARGET,
    transactionIsMet: txRatio <= TARGET,
    roundRatios: transactionMs.map((ms, index) => ratio(ms, rawMs[index]!)),
    warmup,
    afterCommitMs,
    totalMs,
    ack,
  };
  console.log(`[trigger-verb] ${size}: transaction verb ÷ raw = ${txRatio}× (median of ${ROUNDS}; target ≤ ${TARGET}×)`);
  const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
  rows.push(
    {
      what: `triggerIncident ${size} assignees: transaction (median of ${ROUNDS}, alternating with raw)`,
      ours: ms(tx.p50),
      baseline: `raw prepared inserts of the same rows ${ms(rawTx.p50)}`,
      ratio: `${txRatio}×`,
      target: `≤ ${TARGET}×`,
      isMet: txRatio <= TARGET,
    },
    {
      what: `triggerIncident ${size} assignees: read-back after commit`,
      ours: ms(after.p50),
      baseline: '—',
      ratio: '—',
      target: '—',
      isMet: null,
    },
    // For context, no target: the whole call also builds and hands out the answer and the cards after
    // COMMIT, which the raw baseline does not.
    {
      what: `triggerIncident ${size} assignees: whole verb`,
      ours: ms(total.p50),
      baseline: `raw transaction ${ms(rawTx.p50)}`,
      ratio: `${ratio(total.p50, rawTx.p50)}×`,
      target: '—',
      isMet: null,
    },
    {
      what: `acknowledgeAssignment in a ${size}-person incident, p50 / p99 of ${ACKS}`,
      ours: `${ms(ack.p50)} / ${ms(ack.p99)}`,
      baseline: '—',
      ratio: '—',
      target: '—',
      isMet: null,
    },
  );
}
writeReport('trigger-verb', {
  parameters: {
    sizes: SIZES,
    rounds: ROUNDS,
    warmup: WARMUP,
    acks: ACKS,
    smoke: isSmoke,
    synchronous: 'FULL',
    sms: true,
    interleaved: true,
  },
  results,
  rows,
});
