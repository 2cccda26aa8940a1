// What the database side of a big dispatch costs, at the verb level, with
// no sockets: `triggerIncident` for BENCH_SIZES assignees (default 1,000 and 10,000) on a
// seed:load file database (WAL + synchronous=FULL, db/index.ts), split into the transaction
// (BEGIN → COMMIT) and the read-back after it (board rows + role cards), and one
// `acknowledgeAssignment` inside such an incident (its cost grew with the incident's size).
// The SMS channel is configured, so every card also queues its outbox row, as in production.
// Feeds the before/after of the trigger optimisations and the fan-out benchmark's budget.
// Baseline in the same run, on the same file after the verb's rounds: raw better-sqlite3 prepared
// inserts of the same rows (incident, cards, audit rows, outbox rows) in one transaction
// (bench/support/durable-writes.ts). Target: the verb's transaction ≤ 2× that.
import { randomUUID } from 'node:crypto';
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
  const transactionMs: number[] = [];
  const afterCommitMs: number[] = [];
  const totalMs: number[] = [];
  let lastIncident: Awaited<ReturnType<typeof triggerIncident>> | null = null;
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    lastIncident = await triggerIncident({
      ctx,
      input: { planId: sessions.planId, location: { lat: 29.6, lng: 106.3 }, description: `基准 ${size} #${round}`, drill: true },
    });
    const ended = performance.now();
    if (lastIncident.assignments.length !== size) throw new Error(`expected ${size} assignments, got ${lastIncident.assignments.length}`);
    transactionMs.push(committedAt - beganAt);
    afterCommitMs.push(ended - committedAt);
    totalMs.push(ended - started);
  }

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

  // The baseline: the same rows written raw, the same number of rounds, on the same (now larger) file.
  const raw = openDurableWrites(
    file,
    sessions.planId,
    sessions.staff.map((person) => person.userId),
    { outbox: true },
  );
  const rawMs: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    const cards = raw.dispatch(randomUUID());
    rawMs.push(performance.now() - started);
    if (cards.length !== size) throw new Error(`raw baseline wrote ${cards.length} cards, expected ${size}`);
  }
  raw.close();

  const tx = summarize(transactionMs);
  const rawTx = summarize(rawMs);
  const txRatio = ratio(tx.p50, rawTx.p50);
  const after = summarize(afterCommitMs);
  const total = summarize(totalMs);
  const ack = summarize(ackMs);
  results[String(size)] = { transactionMs, rawTransactionMs: rawMs, transactionRatio: txRatio, afterCommitMs, totalMs, ack };
  const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
  rows.push(
    {
      what: `triggerIncident ${size} assignees: transaction (median of ${ROUNDS})`,
      ours: ms(tx.p50),
      baseline: `raw prepared inserts of the same rows ${ms(rawTx.p50)}`,
      ratio: String(txRatio),
      target: '≤ 2×',
      isMet: txRatio <= 2,
    },
    {
      what: `triggerIncident ${size} assignees: read-back after commit`,
      ours: ms(after.p50),
      baseline: '—',
      ratio: '—',
      target: '—',
      isMet: null,
    },
    { what: `triggerIncident ${size} assignees: whole verb`, ours: ms(total.p50), baseline: '—', ratio: '—', target: '—', isMet: null },
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
  parameters: { sizes: SIZES, rounds: ROUNDS, acks: ACKS, smoke: isSmoke, synchronous: 'FULL', sms: true },
  results,
  rows,
});
