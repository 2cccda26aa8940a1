// Benchmark #7: "The field page is light on a phone."
//
// Ours: /field of the production build (the real server, server/index.ts, as a child process on a
// seed:load database), logged in as a field user (a minted session cookie), in stand-by (no card).
// Baseline: bench/fixtures/minimal-next, one App Router page built with the same `next build` and the
// same next/react from the root node_modules, served by `next start`. Both built here if missing.
//   JS size — headless Chromium (360×740) loads the page and waits for the network to settle; every
//             response of resource type "script" is read through the browser and gzipped here with
//             zlib (level 9, like a static pre-compression), summed. Same-origin only (there is no other).
//   Lighthouse 12.2.3 — programmatic, mobile form factor with its default simulated throttling,
//             performance category only, no full-page screenshot, Chromium via chrome-launcher
//             (--headless=new --no-sandbox --disable-gpu); the session cookie goes in extraHeaders.
//             LCP, TBT, CLS; median over BENCH_LIGHTHOUSE_RUNS.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startServerProcess } from '../tests/fault/support/server-process';
import { writeReport } from './lib/report';
import { ratio } from './lib/stats';

const SMOKE = process.env.BENCH_SMOKE === '1';
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? (SMOKE ? 1 : 5));
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3191);
const MINIMAL_PORT = Number(process.env.BENCH_MINIMAL_PORT ?? 3192);
const TARGET = { jsRatio: 1.5, lcpMs: 2500, tbtMs: 200, cls: 0.1 };

const root = path.resolve(import.meta.dirname, '..');
const minimalDir = path.join(root, 'bench/fixtures/minimal-next');
const nextBin = path.join(root, 'node_modules/next/dist/bin/next');
const workDir = path.join(root, 'data/bench-field-page');
const CHROMIUM = '/usr/bin/chromium';
// To look into a miss: every Lighthouse run's report and trace (open the trace in Chrome's Performance panel).
const SAVE_DIR = process.env.BENCH_LIGHTHOUSE_SAVE;
let savedRuns = 0;

function saveRun(url: string, lhr: unknown, artifacts: unknown) {
  mkdirSync(SAVE_DIR!, { recursive: true });
  savedRuns += 1;
  const name = `${savedRuns}-${new URL(url).port}`;
  writeFileSync(path.join(SAVE_DIR!, `${name}.report.json`), JSON.stringify(lhr));
  const trace = (artifacts as { Trace?: unknown } | undefined)?.Trace;
  if (trace) writeFileSync(path.join(SAVE_DIR!, `${name}.trace.json`), JSON.stringify(trace));
}

function run(command: string, args: string[], cwd = root) {
  const result = spawnSync(command, args, {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
}

function ensureBuilds() {
  if (!existsSync(path.join(root, '.next/BUILD_ID'))) {
    console.log('[field-page] no production build of the app: next build');
    run(process.execPath, [nextBin, 'build']);
  }
  if (!existsSync(path.join(minimalDir, '.next/BUILD_ID'))) {
    console.log('[field-page] no build of the minimal page: next build bench/fixtures/minimal-next');
    run(process.execPath, [nextBin, 'build', minimalDir]);
  }
}

async function waitHealthy(url: string, child: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} exited with ${child.exitCode}`);
    if (
      await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

async function startMinimal() {
  const child = spawn(process.execPath, [nextBin, 'start', minimalDir, '-p', String(MINIMAL_PORT), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${MINIMAL_PORT}/`;
  await waitHealthy(url, child);
  return { url, stop: () => child.kill('SIGTERM') };
}

/** A seed:load database with one field user and a minted session for them. */
function seedDatabase() {
  mkdirSync(workDir, { recursive: true });
  const databaseFile = path.join(workDir, 'field.db');
  const sessionsFile = path.join(workDir, 'sessions.json');
  run(process.execPath, [
    '--import',
    'tsx',
    'scripts/seed-load.ts',
    '--db',
    databaseFile,
    '--staff',
    '1',
    '--sessions',
    sessionsFile,
    '--force',
  ]);
  const sessions = JSON.parse(readFileSync(sessionsFile, 'utf8')) as { staff: { cookie: string }[] };
  return { databaseFile, cookie: sessions.staff[0]!.cookie };
}

type JsSize = {
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
  files: { url: string; raw: number; gzip: number }[];
  lcpEntries: unknown;
};

async function measureJs(url: string, cookie: string | null): Promise<JsSize> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    if (cookie) {
      const [name, ...value] = cookie.split('=');
      await context.addCookies([{ name: name!, value: value.join('='), url }]);
    }
    const page = await context.newPage();
    // Which element the browser takes as the largest paint, and when: to explain an LCP miss.
    await page.addInitScript(`new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) (window.lcp_ ??= []).push({
        at: Math.round(entry.startTime), size: entry.size,
        element: entry.element ? entry.element.tagName + '.' + entry.element.className + ' ' + (entry.element.textContent || '').slice(0, 40) : null });
    }).observe({ type: 'largest-contentful-paint', buffered: true });`);
    const bodies: Promise<{ url: string; raw: number; gzip: number } | null>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      bodies.push(
        response.body().then(
          (body) => ({ url: new URL(response.url()).pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length }),
          () => null,
        ),
      );
    });
    const landed = await page.goto(url, { waitUntil: 'networkidle' });
    if (!landed || new URL(landed.url()).pathname !== new URL(url).pathname)
      throw new Error(`${url} ended on ${landed?.url()} (not logged in?)`);
    await page.waitForTimeout(2_000);
    const lcpEntries = await page.evaluate('window.lcp_ ?? []');
    const files = (await Promise.all(bodies)).filter((f): f is NonNullable<typeof f> => f !== null);
    await context.close();
    return {
      scripts: files.length,
      rawBytes: files.reduce((sum, f) => sum + f.raw, 0),
      gzipBytes: files.reduce((sum, f) => sum + f.gzip, 0),
      files: files.sort((a, b) => b.gzip - a.gzip),
      lcpEntries,
    };
  } finally {
    await browser.close();
  }
}

type Vitals = { lcpMs: number; tbtMs: number; cls: number; fcpMs: number; score: number; benchmarkIndex?: number; detail?: unknown };

async function lighthouseRun(url: string, cookie: string | null): Promise<Vitals> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      formFactor: 'mobile',
      disableFullPageScreenshot: true,
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    });
    if (!result) throw new Error('lighthouse returned nothing');
    const { lhr } = result;
    if (SAVE_DIR) saveRun(url, lhr, result.artifacts);
    if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) throw new Error(`lighthouse ended on ${lhr.finalDisplayedUrl}`);
    const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      lcpMs: Math.round(value('largest-contentful-paint')),
      tbtMs: Math.round(value('total-blocking-time')),
      cls: Math.round(value('cumulative-layout-shift') * 1000) / 1000,
      fcpMs: Math.round(value('first-contentful-paint')),
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      // Lighthouse's own measure of this machine's CPU (its 4× slowdown assumes a fast desktop, 1,500–2,000).
      benchmarkIndex: lhr.environment.benchmarkIndex,
      // Where the blocking time comes from, to profile a miss.
      detail: {
        longTasks: (lhr.audits['long-tasks']?.details as { items?: unknown[] } | undefined)?.items?.slice(0, 8),
        bootup: (lhr.audits['bootup-time']?.details as { items?: unknown[] } | undefined)?.items?.slice(0, 8),
        mainThread: (lhr.audits['mainthread-work-breakdown']?.details as { items?: unknown[] } | undefined)?.items,
        observed: (lhr.audits.metrics?.details as { items?: Record<string, number>[] } | undefined)?.items?.[0],
      },
    };
  } finally {
    chrome.kill();
  }
}

const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? Number.NaN;
function medianVitals(runs: Vitals[]): Vitals & { runs: Vitals[] } {
  return {
    lcpMs: medianOf(runs.map((r) => r.lcpMs)),
    tbtMs: medianOf(runs.map((r) => r.tbtMs)),
    cls: medianOf(runs.map((r) => r.cls)),
    fcpMs: medianOf(runs.map((r) => r.fcpMs)),
    score: medianOf(runs.map((r) => r.score)),
    runs,
  };
}

const started = Date.now();
ensureBuilds();
const { databaseFile, cookie } = seedDatabase();
const uploadDir = path.join(workDir, 'uploads');
rmSync(uploadDir, { recursive: true, force: true });
const app = await startServerProcess({ databaseFile, port: APP_PORT, uploadDir });
const minimal = await startMinimal();
const fieldUrl = `${app.url}/field`;
try {
  const oursJs = await measureJs(fieldUrl, cookie);
  const baseJs = await measureJs(minimal.url, null);
  const oursRuns: Vitals[] = [];
  const baseRuns: Vitals[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    oursRuns.push(await lighthouseRun(fieldUrl, cookie));
    baseRuns.push(await lighthouseRun(minimal.url, null));
  }
  const ours = medianVitals(oursRuns);
  const base = medianVitals(baseRuns);
  const kib = (bytes: number) => `${Math.round(bytes / 102.4) / 10} KiB`;
  const jsRatio = ratio(oursJs.gzipBytes, baseJs.gzipBytes);
  writeReport('field-page', {
    parameters: { lighthouseRuns: RUNS, smoke: SMOKE, lighthouse: '12.2.3', gzip: 'zlib level 9 of script bodies read via the browser' },
    results: {
      ours: { js: oursJs, lighthouse: ours },
      baseline: { js: baseJs, lighthouse: base },
      seconds: Math.round((Date.now() - started) / 1000),
    },
    rows: [
      {
        what: '/field JS downloaded (gzip)',
        ours: `${kib(oursJs.gzipBytes)} (${oursJs.scripts} scripts)`,
        baseline: `${kib(baseJs.gzipBytes)} (${baseJs.scripts} scripts, minimal page)`,
        ratio: String(jsRatio),
        target: `≤ ${TARGET.jsRatio}×`,
        isMet: jsRatio <= TARGET.jsRatio,
      },
      {
        what: '/field Lighthouse mobile LCP',
        ours: `${ours.lcpMs} ms`,
        baseline: `${base.lcpMs} ms`,
        ratio: String(ratio(ours.lcpMs, base.lcpMs)),
        target: `≤ ${TARGET.lcpMs} ms`,
        isMet: ours.lcpMs <= TARGET.lcpMs,
      },
      {
        what: '/field Lighthouse mobile TBT',
        ours: `${ours.tbtMs} ms`,
        baseline: `${base.tbtMs} ms`,
        ratio: base.tbtMs > 0 ? String(ratio(ours.tbtMs, base.tbtMs)) : '—',
        target: `≤ ${TARGET.tbtMs} ms`,
        isMet: ours.tbtMs <= TARGET.tbtMs,
      },
      {
        what: '/field Lighthouse mobile CLS',
        ours: String(ours.cls),
        baseline: String(base.cls),
        ratio: '—',
        target: `≤ ${TARGET.cls}`,
        isMet: ours.cls <= TARGET.cls,
      },
    ],
  });
} finally {
  minimal.stop();
  await app.stop();
}
