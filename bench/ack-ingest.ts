// Benchmark #5: acknowledgements (收到) persisted per second through the real path, against raw
// better-sqlite3 writes of the same rows in the same run.
//
// Ours: the production server (child process) over a seed:load database; BENCH_ACKERS phones
// (tests/helpers/field-client.ts: receipts, sync) each hold one card of incident A and all press
// 收到 at once: socket `assignment:ack` → throttle → acknowledgeAssignment → advanceAssignment
// (one transaction, COMMIT with WAL + synchronous=FULL) → board and phone updates → ack reply.
// Counted from the first emit to the last reply; then the database is read to check that every
// acknowledgement is there.
// Baseline: after the server has stopped, the same file, the same pragmas (db/index.ts), the rows
// an acknowledgement writes (the assignment's status/time/pending-cleared update and one audit row)
// for the cards of incident B (triggered alongside A, same size), one prepared-statement
// transaction per acknowledgement: each 收到 is durable before it is answered, in both.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { FieldClient } from '../tests/helpers/field-client';
import { writeReport } from './lib/report';
import { ratio } from './lib/stats';
import { ensureNextBuild, envNumber, isSmoke, seedLoadDatabase, startLoadServer } from './lib/load-server';
import { ackBurst, connectPhones, triggerLoadIncident, waitUntil, type BurstResult } from './support/ack-burst';

const ACKERS = envNumber('BENCH_ACKERS', isSmoke ? 50 : 2_000);
const PORT = envNumber('BENCH_PORT', 3182);
const DIR = path.resolve(process.env.BENCH_DIR ?? 'data/bench-ack-ingest');

const t0 = performance.now();
// A phone's own sync timing out (a busy server) must not end the benchmark; it is reported.
process.on('unhandledRejection', (error) => console.warn('[ack-ingest] unhandled rejection:', (error as Error).message));
const log = (message: string) => console.log(`[ack-ingest +${((performance.now() - t0) / 1000).toFixed(1)} s] ${message}`);

ensureNextBuild();
const { file, sessions } = seedLoadDatabase({ dir: DIR, name: 'ack-ingest', staff: ACKERS, noEscalation: true });
const server = await startLoadServer({ file, port: PORT, dir: DIR });
const reader = new Database(file, { readonly: true });
const countStatus = reader.prepare('SELECT count(*) AS n FROM assignments WHERE incident_id = ? AND status = ?');
const statusCount = (incidentId: string, status: string) => (countStatus.get(incidentId, status) as { n: number }).n;

let clients: FieldClient[] = [];
let real: BurstResult & { persisted: number };
let incidentA = '';
let incidentB = '';
try {
  clients = await connectPhones(server.url, sessions.staff);
  log(`${clients.length} phones connected`);
  incidentA = await triggerLoadIncident(server.url, sessions.command[0]!.cookie, sessions.planId, 'A');
  incidentB = await triggerLoadIncident(server.url, sessions.command[1]!.cookie, sessions.planId, 'B');
  // Every phone holds both cards and the receipts are written (sent → delivered), so the acks
  // below measure 收到 alone.
  await waitUntil('all cards on the phones', () => clients.every((client) => client.cards.size === 2), 180_000);
  await waitUntil(
    'all receipts persisted',
    () => statusCount(incidentA, 'delivered') === ACKERS && statusCount(incidentB, 'delivered') === ACKERS,
    180_000,
  );

  log('cards delivered and receipts persisted; all phones press 收到');
  const burst = await ackBurst(clients, incidentA);
  real = { ...burst, persisted: statusCount(incidentA, 'acknowledged') };
  log(
    `acks answered: ${real.ok} ok, ${real.failed} failed, ${real.persisted} persisted; phones' CPU ${(100 * burst.phones.cpuOfCore).toFixed(0)} % of their core`,
  );
  if (real.failed > 0) console.warn(server.log().slice(-3_000));
} finally {
  for (const client of clients) client.close();
  reader.close();
  await server.stop();
}

// Baseline: the same file, the server gone, the same rows for incident B's cards.
const raw = new Database(file);
raw.pragma('journal_mode = WAL');
raw.pragma('synchronous = FULL');
raw.pragma('foreign_keys = ON');
const rowsB = raw
  .prepare('SELECT id, user_id AS userId, role_name AS roleName, status FROM assignments WHERE incident_id = ?')
  .all(incidentB) as {
  id: string;
  userId: string;
  roleName: string;
  status: string;
}[];
const jurisdictionId = sessions.jurisdictionId;
const acknowledge = raw.prepare(
  `UPDATE assignments SET status = 'acknowledged', acknowledged_at = ?, next_push_at = NULL, next_escalation_at = NULL
   WHERE id = ? AND status IN ('sent', 'delivered') AND closed_at IS NULL`,
);
const audit = raw.prepare(
  `INSERT INTO audit_events (id, jurisdiction_id, actor_id, action, entity_type, entity_id, incident_id, data, created_at)
   VALUES (?, ?, ?, 'assignment.acknowledged', 'assignment', ?, ?, ?, ?)`,
);
const begin = raw.prepare('BEGIN IMMEDIATE');
const commit = raw.prepare('COMMIT');
const baselineStarted = performance.now();
for (const row of rowsB) {
  const now = Date.now();
  begin.run();
  acknowledge.run(now, row.id);
  audit.run(randomUUID(), jurisdictionId, row.userId, row.id, incidentB, JSON.stringify({ from: row.status, role: row.roleName }), now);
  commit.run();
}
const baselineMs = performance.now() - baselineStarted;
const baselinePersisted = (
  raw.prepare("SELECT count(*) AS n FROM assignments WHERE incident_id = ? AND status = 'acknowledged'").get(incidentB) as { n: number }
).n;
raw.close();

const oursPerSecond = (real.persisted / real.elapsedMs) * 1000;
const baselinePerSecond = (baselinePersisted / baselineMs) * 1000;
const perSecondRatio = ratio(oursPerSecond, baselinePerSecond);
const latency = real.latencyMs;
writeReport('ack-ingest', {
  parameters: { ackers: ACKERS, smoke: isSmoke, synchronous: 'FULL', journal: 'WAL', concurrency: 'all at once' },
  results: {
    ours: {
      elapsedMs: real.elapsedMs,
      ok: real.ok,
      failed: real.failed,
      persisted: real.persisted,
      perSecond: oursPerSecond,
      latencyMs: latency,
      phones: real.phones,
    },
    baseline: { elapsedMs: baselineMs, persisted: baselinePersisted, perSecond: baselinePerSecond },
  },
  rows: [
    {
      what: `Acks persisted per second, ${ACKERS} phones acking at once (${real.persisted}/${ACKERS} persisted)`,
      ours: `${oursPerSecond.toFixed(0)}/s`,
      baseline: `${baselinePerSecond.toFixed(0)}/s (raw better-sqlite3, one commit per ack)`,
      ratio: `${perSecondRatio}×`,
      target: '≥ 0.5×',
      isMet: perSecondRatio >= 0.5 && real.persisted === ACKERS,
    },
    {
      what: 'Ack round trip (emit → reply) under that load, p50 / p99',
      ours: `${latency.p50.toFixed(0)} / ${latency.p99.toFixed(0)} ms`,
      baseline: '—',
      ratio: '—',
      target: '—',
      isMet: null,
    },
  ],
});
