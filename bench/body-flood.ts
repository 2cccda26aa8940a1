// Oversized bodies before authentication (issue: "Close the CSRF hole…", finding 2). Ten anonymous
// clients keep POSTing bodies that declare 400 MB to /api/locale, streaming as fast as they can,
// while a prober times GET /api/health every 20 ms. Baseline: the same prober against the same
// server with no flood, in the same run. Targets: the 413 within 100 ms, health p99 under 50 ms.
// Also the server's resident memory before and after (the old server buffered the body: +980 MB).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { summarize } from './lib/stats';
import { writeReport } from './lib/report';
import { ensureNextBuild, envNumber, isSmoke, seedLoadDatabase, startLoadServer } from './lib/load-server';

const CONNECTIONS = envNumber('BENCH_CONNECTIONS', 10);
const SECONDS = envNumber('BENCH_SECONDS', isSmoke ? 2 : 10);
const DECLARED = envNumber('BENCH_DECLARED_BYTES', 400 * 1024 * 1024);
const PORT = envNumber('BENCH_PORT', 3185);
const DIR = path.resolve(process.env.BENCH_DIR ?? 'data/bench-body-flood');
const PROBE_EVERY_MS = 20;

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function probeHealth(url: string, seconds: number): Promise<{ samples: number[]; failures: number }> {
  const samples: number[] = [];
  let failures = 0;
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    const started = performance.now();
    const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) }).then(
      async (response) => (await response.arrayBuffer(), response.ok),
      () => false,
    );
    if (ok) samples.push(performance.now() - started);
    else failures += 1;
    await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
  }
  return { samples, failures };
}

function flood(url: URL): Promise<{ answers: { ms: number; status: number; sentBytes: number }[]; cpuShareOfOneCore: number }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/support/body-flood-client.ts',
      url.hostname,
      url.port,
      String(SECONDS),
      String(CONNECTIONS),
      String(DECLARED),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output.trim().split('\n').at(-1)!)) : reject(new Error(`flood exited ${code}`)),
    ),
  );
}

ensureNextBuild();
const { file } = seedLoadDatabase({ dir: DIR, name: 'body-flood', staff: 5, officers: 1, noEscalation: true });
const server = await startLoadServer({ file, port: PORT, dir: DIR });
try {
  await probeHealth(server.url, 1); // warm-up, not measured
  const rssBefore = rssMb(server.pid);
  const idle = await probeHealth(server.url, SECONDS);
  const [flooded, floodResult] = await Promise.all([probeHealth(server.url, SECONDS), flood(new URL(server.url))]);
  const rssAfter = rssMb(server.pid);

  const idleSummary = summarize(idle.samples);
  const floodedSummary = summarize(flooded.samples);
  const refusal = summarize(floodResult.answers.map((answer) => answer.ms));
  const statuses = Object.fromEntries(
    [...new Set(floodResult.answers.map((answer) => answer.status))].map((status) => [
      status,
      floodResult.answers.filter((a) => a.status === status).length,
    ]),
  );
  const sentBeforeAnswer = summarize(floodResult.answers.map((answer) => answer.sentBytes / 1024));
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    `[body-flood] ${floodResult.answers.length} oversized requests (${JSON.stringify(statuses)}), flood client CPU ${(floodResult.cpuShareOfOneCore * 100).toFixed(0)}% of one core; ` +
      `KiB sent before the answer p50 ${sentBeforeAnswer.p50.toFixed(0)}, max ${sentBeforeAnswer.max.toFixed(0)}; server RSS ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MB`,
  );
  writeReport('body-flood', {
    parameters: { connections: CONNECTIONS, seconds: SECONDS, declaredBytes: DECLARED, probeEveryMs: PROBE_EVERY_MS, smoke: isSmoke },
    results: {
      refusal,
      statuses,
      sentKiBBeforeAnswer: sentBeforeAnswer,
      floodClientCpuShareOfOneCore: floodResult.cpuShareOfOneCore,
      healthIdle: { ...idleSummary, failures: idle.failures },
      healthFlooded: { ...floodedSummary, failures: flooded.failures },
      serverRssMb: { before: rssBefore, after: rssAfter },
    },
    rows: [
      {
        what: `400 MB anonymous POST refused (${CONNECTIONS} at once, ${refusal.n} requests): time to 413, p99`,
        ours: ms(refusal.p99),
        baseline: '—',
        ratio: '—',
        target: '≤ 100 ms',
        isMet: refusal.p99 <= 100 && (statuses[413] ?? 0) === refusal.n,
      },
      {
        what: `GET /api/health p99 during that flood (client CPU ${(floodResult.cpuShareOfOneCore * 100).toFixed(0)}% of a core)`,
        ours: ms(floodedSummary.p99),
        baseline: `${ms(idleSummary.p99)} (no flood)`,
        ratio: `${(floodedSummary.p99 / idleSummary.p99).toFixed(2)}×`,
        target: '≤ 50 ms',
        isMet: floodedSummary.p99 <= 50 && flooded.failures === 0,
      },
      {
        what: 'Server RSS growth during the flood',
        ours: `${(rssAfter - rssBefore).toFixed(0)} MB`,
        baseline: `${rssBefore.toFixed(0)} MB before`,
        ratio: '—',
        target: '—',
        isMet: null,
      },
    ],
  });
} finally {
  await server.stop();
}
