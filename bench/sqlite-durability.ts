// Benchmark: what synchronous=FULL (our setting, db/index.ts) costs against NORMAL, in the same run,
// on the same disk. Measured through the real verbs over a file database made by seed:load:
// 一键启动 (triggerIncident: one transaction with the incident, N assignments and their audit rows,
// then the read-back) and a single 收到 (acknowledgeAssignment: one small transaction).
// A bare one-row autocommit INSERT isolates the fsync itself from the verbs' CPU work.
// Modes alternate round by round so drift (page cache, WAL growth, other load) hits both alike.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { openDatabase, type SynchronousMode } from '../db';
import { assignments, plans, users } from '../db/schema';
import { toActor } from '../server/kernel/auth/actor';
import { createContext } from '../server/context';
import { acknowledgeAssignment, triggerIncident } from '../server/dispatch';
import { ratio, summarize } from './lib/stats';
import { writeReport, type ReportRow } from './lib/report';
import { silentEmitter } from '../server/push/silent-emitter';

const isSmoke = process.env.BENCH_SMOKE === '1';
const ASSIGNEES = Number(process.env.BENCH_ASSIGNEES ?? 50);
const TRIGGERS = Number(process.env.BENCH_TRIGGERS ?? (isSmoke ? 10 : 200));
const ACKS = Number(process.env.BENCH_ACKS ?? (isSmoke ? 50 : 1000));
const COMMITS = Number(process.env.BENCH_COMMITS ?? (isSmoke ? 50 : 1000));
const WARMUP = 5;
// On a real disk: under /tmp a tmpfs would make every fsync free and the comparison meaningless.
const DIR = path.resolve(process.env.BENCH_DIR ?? 'data/bench-durability');
const MODES: SynchronousMode[] = ['NORMAL', 'FULL'];

rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });

async function prepare(mode: SynchronousMode) {
  const file = path.join(DIR, `${mode.toLowerCase()}.db`);
  const seeded = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/seed-load.ts', '--db', file, '--staff', String(ASSIGNEES), '--no-escalation'],
    { stdio: 'inherit' },
  );
  if (seeded.status !== 0) throw new Error(`seed:load failed for ${mode}`);
  const { db, close, sqlite } = openDatabase(file, { synchronous: mode });
  const [duty] = await db.select().from(users).where(eq(users.username, 'duty'));
  const [plan] = await db.select().from(plans).where(eq(plans.name, '负载测试：全员集合'));
  const staff = await db.select().from(users).where(eq(users.role, 'field_staff'));
  const ctxById = new Map(staff.map((user) => [user.id, createContext(toActor(user), { db, emitter: silentEmitter })]));
  return { mode, db, close, sqlite, ctx: createContext(toActor(duty!), { db, emitter: silentEmitter }), planId: plan!.id, ctxById };
}
type Target = Awaited<ReturnType<typeof prepare>>;

async function timeTrigger(target: Target, round: number) {
  const began = performance.now();
  await triggerIncident({
    ctx: target.ctx,
    input: { planId: target.planId, location: { lat: 29.58, lng: 106.33 }, description: `durability bench ${round}` },
  });
  return performance.now() - began;
}

async function timeAck(target: Target) {
  const [open] = await target.db
    .select({ id: assignments.id, userId: assignments.userId })
    .from(assignments)
    .where(and(eq(assignments.status, 'sent'), isNull(assignments.closedAt)))
    .limit(1);
  if (!open) throw new Error('no unacknowledged assignment left; raise BENCH_TRIGGERS');
  const began = performance.now();
  await acknowledgeAssignment({ ctx: target.ctxById.get(open.userId)!, input: { assignmentId: open.id } });
  return performance.now() - began;
}

const targets: Target[] = [];
for (const mode of MODES) targets.push(await prepare(mode));
for (const target of targets) {
  const actual = target.sqlite.pragma('synchronous', { simple: true });
  if (actual !== (target.mode === 'FULL' ? 2 : 1)) throw new Error(`${target.mode}: synchronous is ${String(actual)}`);
}

const samples = new Map(MODES.map((mode) => [mode, { trigger: [] as number[], ack: [] as number[], commit: [] as number[] }]));
const inTurn = (round: number) => (round % 2 === 0 ? targets : [...targets].reverse());
for (let round = 0; round < WARMUP + TRIGGERS; round += 1) {
  for (const target of inTurn(round)) {
    const ms = await timeTrigger(target, round);
    if (round >= WARMUP) samples.get(target.mode)!.trigger.push(ms);
  }
}
if (ACKS > TRIGGERS * ASSIGNEES) throw new Error('BENCH_ACKS exceeds the assignments created');
for (let round = 0; round < WARMUP + ACKS; round += 1) {
  for (const target of inTurn(round)) {
    const ms = await timeAck(target);
    if (round >= WARMUP) samples.get(target.mode)!.ack.push(ms);
  }
}
for (const target of targets) target.sqlite.exec('create table bench_commit (n integer)');
for (let round = 0; round < WARMUP + COMMITS; round += 1) {
  for (const target of inTurn(round)) {
    const insert = target.sqlite.prepare('insert into bench_commit (n) values (?)');
    const began = performance.now();
    insert.run(round);
    if (round >= WARMUP) samples.get(target.mode)!.commit.push(performance.now() - began);
  }
}
for (const target of targets) target.close();

const summary = (values: number[]) => {
  const { p50, p99, mean, n } = summarize(values);
  return { p50: Number(p50.toFixed(2)), p99: Number(p99.toFixed(2)), mean: Number(mean.toFixed(2)), n };
};
const results = Object.fromEntries(
  MODES.map((mode) => {
    const { trigger, ack, commit } = samples.get(mode)!;
    return [mode, { trigger: summary(trigger), ack: summary(ack), commit: summary(commit) }];
  }),
);
// No target in the issue: the rows say what durability costs (FULL is ours, NORMAL the baseline).
const costRow = (what: string, pick: 'trigger' | 'ack' | 'commit'): ReportRow => {
  const [normal, full] = [results.NORMAL![pick], results.FULL![pick]];
  return {
    what: `${what}, p50 (synchronous=FULL vs NORMAL)`,
    ours: `${full.p50} ms`,
    baseline: `${normal.p50} ms`,
    ratio: String(ratio(full.p50, normal.p50)),
    target: 'the price of durability (no target)',
    isMet: null,
  };
};
writeReport('sqlite-durability', {
  parameters: { assignees: ASSIGNEES, triggers: TRIGGERS, acks: ACKS, commits: COMMITS, directory: DIR },
  results,
  rows: [
    costRow(`trigger, ${ASSIGNEES} assignees`, 'trigger'),
    costRow('acknowledgement', 'ack'),
    costRow('bare one-row commit', 'commit'),
  ],
});
rmSync(DIR, { recursive: true, force: true });

const row = (label: string, pick: 'trigger' | 'ack' | 'commit') => {
  const [normal, full] = [results.NORMAL![pick], results.FULL![pick]];
  return `| ${label} | ${normal.p50} | ${normal.p99} | ${full.p50} | ${full.p99} | +${(full.p50 - normal.p50).toFixed(2)} ms |`;
};
console.log(
  [
    `\nWAL, ${ASSIGNEES} assignees per trigger; ${TRIGGERS} triggers, ${ACKS} acks, ${COMMITS} bare commits per mode; ms:\n`,
    '| verb | NORMAL p50 | NORMAL p99 | FULL p50 | FULL p99 | FULL − NORMAL (p50) |',
    '| --- | --- | --- | --- | --- | --- |',
    row(`triggerIncident (${ASSIGNEES} assignees)`, 'trigger'),
    row('acknowledgeAssignment', 'ack'),
    row('bare 1-row INSERT commit', 'commit'),
  ].join('\n'),
);
