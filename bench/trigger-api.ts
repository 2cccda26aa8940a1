// Benchmark #4: 一键启动 through the HTTP API while 20 duty officers press it at once, against
// GET /api/health at the same concurrency on the same server in the same run. The production
// server (Next build + Socket.IO) runs as a child process over a seed:load database.
//
// Plan: one role that pre-assigns BENCH_STAFF (default 15) on-duty people, so every trigger
// writes an incident, 15 assignments, 16 audit rows and an idempotency key, and answers with
// 15 board rows. A district activation pages one to two dozen people (the demo plans: 5–12
// across departments); 15 is the middle of that, not a toy and not a stress test.
// Each autocannon connection is one officer (its own session cookie) and every request carries
// a fresh Idempotency-Key, as the trigger panel sends. Incidents are not lifted: the run ends
// with thousands of active incidents. That is the harder case and it is fair: every query of
// the trigger is keyed (plan, role, user, incident id, idempotency key), and the report shows
// the p50 of the first and the last quarter of requests, so a drift would be visible.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import autocannon from 'autocannon';
import { ratio, summarize } from './lib/stats';
import { writeReport } from './lib/report';
import { ensureNextBuild, envNumber, isSmoke, seedLoadDatabase, startLoadServer } from './lib/load-server';

const OFFICERS = 20;
const STAFF = envNumber('BENCH_STAFF', 15);
const SECONDS = envNumber('BENCH_SECONDS', isSmoke ? 3 : 20);
const PORT = envNumber('BENCH_PORT', 3180);
const DIR = path.resolve(process.env.BENCH_DIR ?? 'data/bench-trigger-api');

type Phase = { samples: number[]; statuses: Map<number, number>; errors: number; timeouts: number; seconds: number };

async function runPhase(
  url: string,
  options: { setupClient?: (client: autocannon.Client) => void; method: 'GET' | 'POST'; path: string; seconds: number },
) {
  const samples: number[] = [];
  const statuses = new Map<number, number>();
  const instance = autocannon({
    url,
    connections: OFFICERS,
    duration: options.seconds,
    method: options.method,
    requests: [{ method: options.method, path: options.path }],
    setupClient: options.setupClient,
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    samples.push(responseTime);
    statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
  });
  const result = await instance;
  return { samples, statuses, errors: result.errors, timeouts: result.timeouts, seconds: options.seconds } satisfies Phase;
}

ensureNextBuild();
const { file, sessions } = seedLoadDatabase({ dir: DIR, name: 'trigger-api', staff: STAFF, officers: OFFICERS, noEscalation: false });
if (sessions.officers.length !== OFFICERS) throw new Error(`seed:load minted ${sessions.officers.length} officer sessions`);
const server = await startLoadServer({ file, port: PORT, dir: DIR });

const triggerBody = (index: number) =>
  JSON.stringify({
    planId: sessions.planId,
    location: { lat: 29.6 + (index % 100) * 1e-4, lng: 106.3 },
    description: `基准测试：并发一键启动 #${index}`,
    drill: true,
  });
let triggerCount = 0;
let connection = 0;
/** Each connection is one officer; every request is a new press (fresh key, its own text). */
const asOfficers = (client: autocannon.Client) => {
  const officer = sessions.officers[connection++ % OFFICERS]!;
  client.setRequests([
    {
      method: 'POST',
      path: '/api/incidents',
      setupRequest: (request) => ({
        ...request,
        headers: {
          cookie: officer.cookie,
          origin: server.url,
          'content-type': 'application/json',
          'accept-language': 'zh-CN',
          'idempotency-key': randomUUID(),
        },
        body: triggerBody(triggerCount++),
      }),
    },
  ]);
};

try {
  // Warm-up (JIT, Next's route modules, SQLite page cache); not measured.
  await runPhase(server.url, { method: 'POST', path: '/api/incidents', setupClient: asOfficers, seconds: isSmoke ? 1 : 3 });
  await runPhase(server.url, { method: 'GET', path: '/api/health', seconds: 1 });

  const trigger = await runPhase(server.url, { method: 'POST', path: '/api/incidents', setupClient: asOfficers, seconds: SECONDS });
  const health = await runPhase(server.url, { method: 'GET', path: '/api/health', seconds: SECONDS });

  const t = summarize(trigger.samples);
  const h = summarize(health.samples);
  const quarter = Math.max(1, Math.floor(trigger.samples.length / 4));
  const firstQuarter = summarize(trigger.samples.slice(0, quarter));
  const lastQuarter = summarize(trigger.samples.slice(-quarter));
  const created = trigger.statuses.get(201) ?? 0;
  const p99Ratio = ratio(t.p99, h.p99);
  const ms = (value: number) => `${value.toFixed(1)} ms`;

  writeReport('trigger-api', {
    parameters: { officers: OFFICERS, assigneesPerTrigger: STAFF, seconds: SECONDS, smoke: isSmoke, incidentsLifted: false },
    results: {
      trigger: {
        ...t,
        statuses: Object.fromEntries(trigger.statuses),
        errors: trigger.errors,
        timeouts: trigger.timeouts,
        perSecond: t.n / SECONDS,
      },
      health: {
        ...h,
        statuses: Object.fromEntries(health.statuses),
        errors: health.errors,
        timeouts: health.timeouts,
        perSecond: h.n / SECONDS,
      },
      triggerDrift: { firstQuarterP50: firstQuarter.p50, lastQuarterP50: lastQuarter.p50 },
      incidentsCreatedInRun: triggerCount,
    },
    rows: [
      {
        what: `Trigger API p99, ${OFFICERS} officers, ${STAFF} assignees each (${created} created, ${(t.n / SECONDS).toFixed(0)}/s)`,
        ours: ms(t.p99),
        baseline: `${ms(h.p99)} (GET /api/health)`,
        ratio: `${p99Ratio}×`,
        target: '≤ 5×',
        isMet: p99Ratio <= 5,
      },
      {
        what: 'Trigger API p50',
        ours: ms(t.p50),
        baseline: `${ms(h.p50)} (GET /api/health)`,
        ratio: `${ratio(t.p50, h.p50)}×`,
        target: '—',
        isMet: null,
      },
      {
        what: 'Trigger p50, first vs last quarter of the run (incidents accumulate)',
        ours: ms(lastQuarter.p50),
        baseline: ms(firstQuarter.p50),
        ratio: `${ratio(lastQuarter.p50, firstQuarter.p50)}×`,
        target: '—',
        isMet: null,
      },
    ],
  });
  const failed = trigger.samples.length - created;
  if (failed > 0 || trigger.errors > 0)
    console.warn(`[trigger-api] ${failed} non-201 responses, ${trigger.errors} errors:`, trigger.statuses);
} finally {
  await server.stop();
}
