// Benchmark #2, connections held: N (10,000) authenticated idle phones connected to the production
// server (child process over a `seed:load` database), and the server's resident memory growth per
// connection, measured after two full GCs (--expose-gc, bench/support/probe.mjs) once the
// connection storm has settled. Baseline in the same run: the bare Socket.IO server
// (bench/support/bare-server.ts) holding the same N idle phones.
//   npx tsx bench/connections-held.ts    BENCH_CONNECTIONS (10000)  BENCH_WORKERS (4)  BENCH_SETTLE_MS (10000)
//   BENCH_SMOKE=1: 50 connections
import { ratio } from './lib/stats';
import { writeReport } from './lib/report';
import { pinning, pinThisProcessWithPhones } from './support/pin-cpu';
import {
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

pinThisProcessWithPhones();

const size = isSmoke ? 50 : envNumber('BENCH_CONNECTIONS', 10_000);
const workers = envNumber('BENCH_WORKERS', 4);
const settleMs = isSmoke ? 2_000 : envNumber('BENCH_SETTLE_MS', 10_000);
const appPort = envNumber('BENCH_PORT', 3160) + 1;
const KiB = 1024;

async function held(kind: ServerKind, database: LoadDatabase) {
  const server = await startServer(kind, { port: kind === 'app' ? appPort : await freePort(), database });
  try {
    // The idle server as it will stay: warmed by one request, collected, settled.
    await fetch(`${server.url}/api/health`);
    await sleep(settleMs / 2);
    const before = await server.memory();
    const connectStarted = performance.now();
    const fleet = await connectFleet(server.url, database.sessions.staff.slice(0, size), workers);
    const connectMs = performance.now() - connectStarted;
    await sleep(settleMs); // handshakes done, a ping round-trip or two, buffers back to idle
    const after = await server.memory();
    await fleet.close();
    const perConnection = (field: 'rss' | 'heapUsed' | 'external') => (after[field] - before[field]) / size;
    const result = {
      kind,
      connections: size,
      connectMs: Math.round(connectMs),
      rssBeforeMiB: Math.round(before.rss / 2 ** 20),
      rssAfterMiB: Math.round(after.rss / 2 ** 20),
      rssPerConnectionKiB: Math.round((perConnection('rss') / KiB) * 100) / 100,
      heapPerConnectionKiB: Math.round((perConnection('heapUsed') / KiB) * 100) / 100,
      externalPerConnectionKiB: Math.round((perConnection('external') / KiB) * 100) / 100,
    };
    console.log(`[held] ${JSON.stringify(result)}`);
    return result;
  } catch (error) {
    console.error(server.log().slice(-4_000));
    throw error;
  } finally {
    await server.stop();
  }
}

ensureNextBuild();
const database = createLoadDatabase(size);
try {
  const app = await held('app', database);
  const bare = await held('bare', database);
  const rssRatio = ratio(app.rssPerConnectionKiB, bare.rssPerConnectionKiB);
  const heapRatio = ratio(app.heapPerConnectionKiB, bare.heapPerConnectionKiB);
  writeReport('connections-held', {
    parameters: { pinning, connections: size, workers, settleMs, smoke: isSmoke },
    results: { app, bare, rssRatio, heapRatio },
    rows: [
      {
        what: `${size.toLocaleString('en')} idle authenticated sockets: server RSS growth per connection (after GC)`,
        ours: `${app.rssPerConnectionKiB} KiB (${app.rssBeforeMiB} → ${app.rssAfterMiB} MiB)`,
        baseline: `${bare.rssPerConnectionKiB} KiB (${bare.rssBeforeMiB} → ${bare.rssAfterMiB} MiB)`,
        ratio: String(rssRatio),
        target: '≤ 1.3×',
        isMet: isSmoke ? null : rssRatio <= 1.3,
      },
      {
        what: `${size.toLocaleString('en')} idle sockets: JS heap per connection (after GC)`,
        ours: `${app.heapPerConnectionKiB} KiB`,
        baseline: `${bare.heapPerConnectionKiB} KiB`,
        ratio: String(heapRatio),
        target: '— (explains the RSS row)',
        isMet: null,
      },
    ],
  });
} finally {
  database.cleanup();
}
process.exit(0);
