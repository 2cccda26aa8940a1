// Issue 17, point 4: a burst of 收到 on one PostgreSQL node, against raw `pg` writes of the same
// rows in the same run, on the same PostgreSQL server.
//
// Ours: the production server (one node, child process, DATABASE_URL = a throwaway PostgreSQL with
// a seed:load database, pool DATABASE_POOL_SIZE = BENCH_POOL) and BENCH_ACKERS phones
// (tests/helpers/field-client.ts, in this process: receipts, sync), each holding one card of
// incident A and one of incident B (both triggered over the API). Once every card is delivered and
// every receipt written, all phones press 收到 on their card of A at once: socket `assignment:ack`
// → acknowledgeAssignment → advanceAssignment (one transaction) → the phone's and the board's
// updates → the reply. Counted from the first emit to the last reply; then the database is read
// to check that every acknowledgement and its audit row are there.
// Baseline: after the server has stopped, raw node-postgres on the same database, with as many
// connections as the server's pool (BENCH_POOL, the app's default DATABASE_POOL_SIZE of 10):
// for each card of incident B, its own transaction writing what a 收到 makes durable, the
// assignment's update (status, time, pending re-push/escalation cleared, conditional on its
// status) and its audit row, named (prepared) statements, all N submitted at once.
// Both sides: statements per 收到 (pg_stat_statements calls, each one round trip; transactions =
// COMMITs), and CPU per 收到 of the Node process, of PostgreSQL's processes and of the phones.
//   npx tsx bench/ack-burst-pg.ts   BENCH_ACKERS (2000)  BENCH_POOL (10)  BENCH_PORT (free)   BENCH_SMOKE=1: 50 phones
//   BENCH_APP_DIR=<checkout>: run the node from another checkout of the app (e.g. an earlier commit, for before/after)
// PostgreSQL is the tests' throwaway server (fsync off, synchronous_commit off), the same for both sides.
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { FieldClient } from '../tests/helpers/field-client';
import { writeReport } from './lib/report';
import { ratio, summarize } from './lib/stats';
import { ackBurst, connectPhones, triggerLoadIncident, waitUntil, type BurstResult } from './support/ack-burst';
import { ensureNextBuild, envNumber, freePort, isSmoke, startServer } from './support/fanout-harness';
import { createPostgresLoadDatabase } from './support/postgres-load';

const ACKERS = isSmoke ? 50 : envNumber('BENCH_ACKERS', 2_000);
const POOL = envNumber('BENCH_POOL', 10);
const TARGET = 2;

const t0 = performance.now();
process.on('unhandledRejection', (error) => console.warn('[ack-burst-pg] unhandled rejection:', (error as Error).message));
const log = (message: string) => console.log(`[ack-burst-pg +${((performance.now() - t0) / 1000).toFixed(1)} s] ${message}`);

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
/** CPU time (ms) of a process so far, all its threads (utime + stime from /proc). */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000;
  } catch {
    return 0; // gone
  }
}
/** CPU time (ms) of PostgreSQL: the postmaster and every process it started (backends, writers). */
function postgresCpuMs(postmaster: number): number {
  let total = cpuMsOf(postmaster);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(fields[1]) === postmaster) total += ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000;
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

ensureNextBuild();
const database = await createPostgresLoadDatabase(ACKERS, {
  shared_preload_libraries: 'pg_stat_statements',
  'pg_stat_statements.track_utility': 'on',
  'pg_stat_statements.max': '1000',
});
const monitor = new pg.Client({ connectionString: database.databaseUrl });
await monitor.connect();
await monitor.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
// The postmaster: the parent of this connection's backend.
const backend = (await monitor.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
const postmaster = Number(readFileSync(`/proc/${backend}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
const count = async (sql: string, ...params: unknown[]) => (await monitor.query<{ n: number }>(sql, params)).rows[0]!.n;
const statusCount = (incidentId: string, status: string) =>
  count('SELECT count(*)::int AS n FROM assignments WHERE incident_id = $1 AND status = $2', incidentId, status);

type Statements = { calls: number; commits: number; perAck: number; commitsPerAck: number; top: { calls: number; query: string }[] };
const resetStatements = () => monitor.query('SELECT pg_stat_statements_reset()');
/** What ran on the load database since the last reset, but for this monitor's own queries. */
async function readStatements(acks: number): Promise<Statements> {
  const { rows } = await monitor.query<{ query: string; calls: string }>(
    `SELECT query, calls FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC`,
  );
  const calls = rows.reduce((sum, row) => sum + Number(row.calls), 0);
  const commits = rows.filter((row) => /^\s*commit\b/i.test(row.query)).reduce((sum, row) => sum + Number(row.calls), 0);
  return {
    calls,
    commits,
    perAck: calls / acks,
    commitsPerAck: commits / acks,
    top: rows.slice(0, 15).map((row) => ({ calls: Number(row.calls), query: row.query.replace(/\s+/g, ' ').slice(0, 160) })),
  };
}
type Cpu = { nodeMs: number; postgresMs: number };
const perAck = (ms: number, acks: number) => Math.round((ms / acks) * 1000) / 1000;

let app: BurstResult & { persisted: number; audited: number; statements: Statements; cpu: Cpu };
let incidentA = '';
let incidentB = '';
const server = await startServer('app', {
  port: envNumber('BENCH_PORT', 0) || (await freePort()),
  database,
  extraEnv: { DATABASE_POOL_SIZE: String(POOL) },
  // Not pinned: PostgreSQL needs a core too (as in multi-node-fanout.ts).
  isPinned: false,
  cwd: process.env.BENCH_APP_DIR || undefined,
});
let clients: FieldClient[] = [];
try {
  clients = await connectPhones(server.url, database.sessions.staff.slice(0, ACKERS));
  log(`${clients.length} phones connected`);
  const command = database.sessions.command;
  incidentA = await triggerLoadIncident(server.url, command[0]!.cookie, database.sessions.planId, 'A');
  incidentB = await triggerLoadIncident(server.url, command[1]!.cookie, database.sessions.planId, 'B');
  await waitUntil('all cards on the phones', () => clients.every((client) => client.cards.size === 2), 180_000);
  await waitUntil(
    'all receipts persisted',
    async () => (await statusCount(incidentA, 'delivered')) === ACKERS && (await statusCount(incidentB, 'delivered')) === ACKERS,
    180_000,
  );
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // the receipts' board updates and throttled counts settle

  log('cards delivered and receipts persisted; all phones press 收到');
  await resetStatements();
  const cpuFrom: Cpu = { nodeMs: cpuMsOf(server.pid), postgresMs: postgresCpuMs(postmaster) };
  const burst = await ackBurst(clients, incidentA);
  const cpu: Cpu = { nodeMs: cpuMsOf(server.pid) - cpuFrom.nodeMs, postgresMs: postgresCpuMs(postmaster) - cpuFrom.postgresMs };
  const statements = await readStatements(burst.ok);
  app = {
    ...burst,
    persisted: await statusCount(incidentA, 'acknowledged'),
    audited: await count(
      "SELECT count(*)::int AS n FROM audit_events WHERE incident_id = $1 AND action = 'assignment.acknowledged'",
      incidentA,
    ),
    statements,
    cpu,
  };
  log(
    `acks answered: ${app.ok} ok, ${app.failed} failed, ${app.persisted} persisted, ${app.audited} audited; ` +
      `phones' CPU ${(100 * burst.phones.cpuOfCore).toFixed(0)} % of their core`,
  );
  if (app.failed > 0) console.warn(server.log().slice(-3_000));
} finally {
  for (const client of clients) client.close();
  await server.stop();
}

// Baseline: raw node-postgres, the server gone, the same rows for incident B's cards.
const cards = (
  await monitor.query<{ id: string; userId: string; roleName: string; status: string }>(
    'SELECT id, user_id AS "userId", role_name AS "roleName", status FROM assignments WHERE incident_id = $1',
    [incidentB],
  )
).rows;
const pool = new pg.Pool({ connectionString: database.databaseUrl, max: POOL });
// Open the connections first, as the server's pool had them open during its burst.
await Promise.all(Array.from({ length: POOL }, () => pool.connect())).then((opened) => opened.forEach((client) => client.release()));
const UPDATE = `UPDATE assignments SET status = 'acknowledged', acknowledged_at = $1, next_push_at = NULL, next_escalation_at = NULL
  WHERE id = $2 AND status IN ('sent', 'delivered') AND closed_at IS NULL`;
const AUDIT = `INSERT INTO audit_events (id, jurisdiction_id, actor_id, action, entity_type, entity_id, incident_id, data, created_at)
  VALUES ($1, $2, $3, 'assignment.acknowledged', 'assignment', $4, $5, $6, $7)`;
const jurisdictionId = database.sessions.jurisdictionId;
await resetStatements();
const rawCpuFrom = { nodeMs: cpuMsOf(process.pid), postgresMs: postgresCpuMs(postmaster) };
const rawLatencies: number[] = [];
let rawFailed = 0;
const rawStarted = performance.now();
await Promise.all(
  cards.map(async (card) => {
    const client = await pool.connect();
    try {
      const at = new Date();
      await client.query('BEGIN');
      await client.query({ name: 'ack-update', text: UPDATE, values: [at, card.id] });
      await client.query({
        name: 'ack-audit',
        text: AUDIT,
        values: [
          randomUUID(),
          jurisdictionId,
          card.userId,
          card.id,
          incidentB,
          JSON.stringify({ from: card.status, role: card.roleName }),
          at,
        ],
      });
      await client.query('COMMIT');
    } catch (error) {
      rawFailed += 1;
      await client.query('ROLLBACK').catch(() => undefined);
      console.warn('[ack-burst-pg] raw ack failed:', (error as Error).message);
    } finally {
      client.release();
    }
    rawLatencies.push(performance.now() - rawStarted);
  }),
);
const rawElapsedMs = performance.now() - rawStarted;
const rawCpu: Cpu = { nodeMs: cpuMsOf(process.pid) - rawCpuFrom.nodeMs, postgresMs: postgresCpuMs(postmaster) - rawCpuFrom.postgresMs };
const rawStatements = await readStatements(cards.length);
const rawPersisted = await statusCount(incidentB, 'acknowledged');
await pool.end();
await monitor.end();
await database.cleanup();

const appPerSecond = (app.persisted / app.elapsedMs) * 1000;
const rawPerSecond = (rawPersisted / rawElapsedMs) * 1000;
const rawLatency = summarize(rawLatencies);
const timeRatio = ratio(app.elapsedMs, rawElapsedMs);
const isComplete = app.persisted === ACKERS && app.audited === ACKERS && rawPersisted === cards.length;
const cpuLine = (cpu: Cpu, acks: number) => `Node ${perAck(cpu.nodeMs, acks)} ms · PostgreSQL ${perAck(cpu.postgresMs, acks)} ms`;
console.log('[ack-burst-pg] statements on the app side (calls, top 15):');
for (const row of app.statements.top) console.log(`  ${String(row.calls).padStart(6)}  ${row.query}`);

writeReport('ack-burst-pg', {
  parameters: {
    ackers: ACKERS,
    pool: POOL,
    smoke: isSmoke,
    appDir: process.env.BENCH_APP_DIR ?? null,
    database: 'postgresql (throwaway, fsync off)',
    concurrency: 'all at once',
  },
  results: {
    app: {
      elapsedMs: app.elapsedMs,
      ok: app.ok,
      failed: app.failed,
      persisted: app.persisted,
      audited: app.audited,
      perSecond: appPerSecond,
      latencyMs: app.latencyMs,
      phones: app.phones,
      statements: app.statements,
      cpuMs: app.cpu,
    },
    raw: {
      elapsedMs: rawElapsedMs,
      failed: rawFailed,
      persisted: rawPersisted,
      perSecond: rawPerSecond,
      latencyMs: rawLatency,
      statements: rawStatements,
      cpuMs: rawCpu,
    },
    timeRatio,
  },
  rows: [
    {
      what: `PostgreSQL: ${ACKERS} phones press 收到 at once on one node (${app.persisted}/${ACKERS} persisted, ${app.audited} audited): burst time · acks/s`,
      ours: `${Math.round(app.elapsedMs)} ms · ${appPerSecond.toFixed(0)}/s`,
      baseline: `${Math.round(rawElapsedMs)} ms · ${rawPerSecond.toFixed(0)}/s (raw pg, a transaction per 收到, ${POOL} connections)`,
      ratio: `${timeRatio}×`,
      target: `≤ ${TARGET}×`,
      isMet: isSmoke ? null : timeRatio <= TARGET && isComplete,
    },
    {
      what: 'PostgreSQL 收到 burst: per-ack latency (submitted → answered/committed) p50 / p99',
      ours: `${app.latencyMs.p50.toFixed(0)} / ${app.latencyMs.p99.toFixed(0)} ms`,
      baseline: `${rawLatency.p50.toFixed(0)} / ${rawLatency.p99.toFixed(0)} ms`,
      ratio: '—',
      target: '—',
      isMet: null,
    },
    {
      what: 'PostgreSQL 收到 burst: statements (round trips) · transactions per 收到',
      ours: `${app.statements.perAck.toFixed(2)} · ${app.statements.commitsPerAck.toFixed(2)}`,
      baseline: `${rawStatements.perAck.toFixed(2)} · ${rawStatements.commitsPerAck.toFixed(2)}`,
      ratio: String(ratio(app.statements.perAck, rawStatements.perAck)),
      target: '—',
      isMet: null,
    },
    {
      what: "PostgreSQL 收到 burst: CPU per 收到 (the phones' process: share of its core over the burst)",
      ours: `${cpuLine(app.cpu, app.ok)} · phones ${perAck(app.phones.cpuMs, app.ok)} ms (${(100 * app.phones.cpuOfCore).toFixed(0)} % of a core)`,
      baseline: cpuLine(rawCpu, cards.length),
      ratio: '—',
      target: 'phones ≤ 50 % of their core',
      isMet: app.phones.cpuOfCore <= 0.5,
    },
  ],
});
process.exit(0);
