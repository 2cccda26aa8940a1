// Benchmark #6: "The one-map with 5,000 risk points renders fast and pans smoothly on a phone-class CPU."
//
// The REAL viewer (components/maps/site-plan-map.tsx with its canvas renderer, React 19, react-leaflet)
// is bundled with esbuild from bench/fixtures/one-map/entry.tsx into a bare page served from here,
// so nothing else on the page (cards, lists, sockets) is measured. One headless Chromium at 360×740
// (deviceScaleFactor 2) with the CPU throttled 4× (CDP Emulation.setCPUThrottlingRate) opens it
// with N points (ours) and with 0 points (baseline: the same map, same plan image), in the same run,
// order alternating per round. Measured:
//   first render — navigation start → plan image decoded and points' canvas present + two frames;
//   panning      — scripted mouse drags (the thumb's drags, each followed by its moveend redraw);
//                  fps = rAF frames ÷ time over the pan windows, plus p95 frame and frames > 50 ms.
// Zoom steps in between move the view but are not counted in the pan fps (reported apart).
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build, type Plugin } from 'esbuild';
import { ratio } from './lib/stats';
import { writeReport } from './lib/report';

const SMOKE = process.env.BENCH_SMOKE === '1';
const POINTS = Number(process.env.BENCH_POINTS ?? (SMOKE ? 500 : 5000));
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (SMOKE ? 1 : 3));
const VIEWPORT = { width: 360, height: 740 };
const LONG_FRAME_MS = 50;
const TARGET_FPS = 50;
const TARGET_FPS_RATIO = 0.9;

const root = path.resolve(import.meta.dirname, '..');

// A 1600×1100 plan like the demo ones: fence, roads, a dozen buildings, a river.
const PLAN_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1100" viewBox="0 0 1600 1100">
<rect width="1600" height="1100" fill="#f8f7f2"/><rect x="60" y="60" width="1380" height="980" fill="none" stroke="#111" stroke-width="6" stroke-dasharray="24 12"/>
<rect x="1480" y="0" width="120" height="1100" fill="#93c5fd"/><rect x="60" y="520" width="1380" height="40" fill="#d1d5db"/><rect x="720" y="60" width="40" height="980" fill="#d1d5db"/>
${Array.from({ length: 12 }, (_, i) => `<rect x="${120 + (i % 4) * 330}" y="${120 + Math.floor(i / 4) * 320}" width="220" height="160" fill="#e5e7eb" stroke="#374151" stroke-width="3"/>`).join('')}
</svg>`;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="stylesheet" href="/entry.css"><style>:root{--color-border:#d1d5db;--radius:8px}html,body,#root{margin:0;height:100%}</style>
</head><body><div id="root"></div><script src="/entry.js"></script></body></html>`;

// BENCH_MAPS_REF=<commit>: bundle components/maps/* as they were at that commit (before/after runs).
const MAPS_REF = process.env.BENCH_MAPS_REF;
const mapsAtRef: Plugin = {
  name: 'maps-at-ref',
  setup(plugin) {
    plugin.onLoad({ filter: /components[\\/]maps[\\/][^\\/]+\.tsx?$/ }, (args) => {
      const relative = path.relative(root, args.path).split(path.sep).join('/');
      const contents = execFileSync('git', ['show', `${MAPS_REF}:${relative}`], { cwd: root, encoding: 'utf8' });
      return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

async function bundle() {
  const result = await build({
    plugins: MAPS_REF ? [mapsAtRef] : [],
    entryPoints: [path.join(root, 'bench/fixtures/one-map/entry.tsx')],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.png': 'dataurl', '.svg': 'dataurl' },
    tsconfig: path.join(root, 'tsconfig.json'),
    outdir: 'out',
    write: false,
    logLevel: 'error',
  });
  const files: Record<string, string> = {};
  for (const file of result.outputFiles) files[`/${path.basename(file.path)}`] = file.text;
  if (!files['/entry.js']) throw new Error('esbuild produced no entry.js');
  return files;
}

function serve(bundled: Record<string, string>) {
  const files: Record<string, { type: string; body: string }> = {
    '/': { type: 'text/html; charset=utf-8', body: PAGE },
    '/entry.js': { type: 'text/javascript', body: bundled['/entry.js']! },
    '/entry.css': { type: 'text/css', body: bundled['/entry.css'] ?? '' },
    '/plan.svg': { type: 'image/svg+xml', body: PLAN_SVG },
  };
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://x').pathname];
    if (!file) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  return new Promise<{ url: string; close: () => void }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() }),
    ),
  );
}

type Phase = 'pan' | 'zoom';
type Win = Window & { frames_: number[] | null; marks_: [number, Phase][] };

/** A thumb's session: four drags at the fitted zoom, two zoom steps in, three drags zoomed in, back out. */
async function session(page: Page) {
  const cx = VIEWPORT.width / 2;
  const cy = VIEWPORT.height / 2;
  const mark = (phase: Phase) => page.evaluate((p) => (window as unknown as Win).marks_.push([performance.now(), p]), phase);
  const drag = async (dx: number, dy: number) => {
    await mark('pan');
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dx, cy + dy, { steps: 24 });
    await page.mouse.up();
    // The moveend redraw belongs to the pan: wait for it inside the window.
    await page.waitForTimeout(300);
  };
  const wheel = async (deltaY: number) => {
    await mark('zoom');
    await page.mouse.move(cx, cy);
    await page.mouse.wheel(0, deltaY);
    await page.waitForTimeout(400);
  };
  // A string, not a function: tsx's name-keeping helper (__name) does not exist in the page.
  await page.evaluate(`(() => {
    const frames = (window.frames_ = []);
    window.marks_ = [];
    const tick = (t) => { frames.push(t); if (window.frames_ === frames) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  for (const [dx, dy] of [
    [-120, 0],
    [120, 0],
    [0, -200],
    [0, 200],
  ] as const)
    await drag(dx, dy);
  if (!SMOKE) {
    for (let i = 0; i < 2; i += 1) await wheel(-120);
    for (const [dx, dy] of [
      [-150, -150],
      [150, 150],
      [100, -120],
    ] as const)
      await drag(dx, dy);
    for (let i = 0; i < 2; i += 1) await wheel(120);
  }
  await mark('zoom');
  const { frames, marks } = await page.evaluate(() => {
    const w = window as unknown as Win;
    const f = w.frames_ ?? [];
    w.frames_ = null;
    return { frames: f, marks: w.marks_ };
  });
  const intervals: Record<Phase, number[]> = { pan: [], zoom: [] };
  for (let i = 1; i < frames.length; i += 1) {
    const start = frames[i - 1]!;
    const phase = marks.filter(([at]) => at <= start).at(-1)?.[1];
    if (phase) intervals[phase].push(frames[i]! - start);
  }
  return intervals;
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
};
const fpsOf = (intervals: number[]) => (intervals.length ? (1000 * intervals.length) / intervals.reduce((s, ms) => s + ms, 0) : 0);

async function measure(page: Page, url: string, points: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.goto(`${url}?n=${points}`);
  await page.waitForFunction(() => typeof (window as unknown as { paintedAt?: number }).paintedAt === 'number', null, {
    timeout: 60_000,
    polling: 100,
  });
  const firstRenderMs = await page.evaluate(() => (window as unknown as { paintedAt: number }).paintedAt);
  await page.waitForTimeout(500);

  // Still tappable: a click on point 1's place on the plan selects a point.
  let isTapOk: boolean | null = null;
  if (points > 0) {
    const at = await page.evaluate(() => {
      const image = document.querySelector('.leaflet-image-layer')!.getBoundingClientRect();
      const first = (window as unknown as { benchPoints: { x: number; y: number }[] }).benchPoints[0]!;
      return { x: image.left + (first.x / 1600) * image.width, y: image.top + (first.y / 1100) * image.height };
    });
    await page.mouse.click(at.x, at.y);
    await page.waitForTimeout(300);
    isTapOk = await page.evaluate(() => (window as unknown as { selected: unknown }).selected !== null);
  }

  const phases = await session(page);
  // BENCH_SCREENSHOT=<dir>: what the thumb saw at the end, to check the drawing by eye.
  if (process.env.BENCH_SCREENSHOT) await page.screenshot({ path: path.join(process.env.BENCH_SCREENSHOT, `one-map-${points}.png`) });
  await cdp.detach();
  return {
    firstRenderMs: round1(firstRenderMs),
    panFps: round1(fpsOf(phases.pan)),
    panFrames: phases.pan.length,
    panP95FrameMs: round1(quantile(phases.pan, 0.95)),
    panMaxFrameMs: round1(quantile(phases.pan, 1)),
    panLongFrames: phases.pan.filter((ms) => ms > LONG_FRAME_MS).length,
    zoomFps: round1(fpsOf(phases.zoom)),
    zoomLongFrames: phases.zoom.filter((ms) => ms > LONG_FRAME_MS).length,
    isTapOk,
  };
}

type Sample = Awaited<ReturnType<typeof measure>>;
const median = (samples: Sample[], pick: (s: Sample) => number) => round1(quantile(samples.map(pick), 0.5));
function summarize(samples: Sample[]) {
  return {
    firstRenderMs: median(samples, (s) => s.firstRenderMs),
    panFps: median(samples, (s) => s.panFps),
    panP95FrameMs: median(samples, (s) => s.panP95FrameMs),
    panMaxFrameMs: Math.max(...samples.map((s) => s.panMaxFrameMs)),
    panLongFrames: samples.reduce((sum, s) => sum + s.panLongFrames, 0),
    zoomFps: median(samples, (s) => s.zoomFps),
    zoomLongFrames: samples.reduce((sum, s) => sum + s.zoomLongFrames, 0),
    isTapOk: samples.every((s) => s.isTapOk !== false),
    rounds: samples,
  };
}

const started = Date.now();
const site = await serve(await bundle());
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const chromiumVersion = browser.version();
const samples: { ours: Sample[]; baseline: Sample[] } = { ours: [], baseline: [] };
try {
  for (let index = 0; index < ROUNDS; index += 1) {
    const order = index % 2 === 0 ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const);
    for (const which of order) {
      const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 2, hasTouch: false });
      const page = await context.newPage();
      samples[which].push(await measure(page, site.url, which === 'ours' ? POINTS : 0));
      await context.close();
    }
  }
} finally {
  await browser.close();
  site.close();
}

const ours = summarize(samples.ours);
const baseline = summarize(samples.baseline);
const fpsRatio = ratio(ours.panFps, baseline.panFps);
const isFpsMet = ours.panFps >= TARGET_FPS && fpsRatio >= TARGET_FPS_RATIO;
writeReport(MAPS_REF ? `one-map-render-at-${MAPS_REF}` : 'one-map-render', {
  parameters: {
    mapsRef: MAPS_REF ?? 'working tree',
    points: POINTS,
    throttle: THROTTLE,
    rounds: ROUNDS,
    viewport: VIEWPORT,
    deviceScaleFactor: 2,
    smoke: SMOKE,
    chromium: chromiumVersion,
  },
  results: { ours, baseline, fpsRatio, seconds: Math.round((Date.now() - started) / 1000) },
  rows: [
    {
      what: `one-map pan fps, ${POINTS} points, CPU 4×`,
      ours: `${ours.panFps} fps (p95 ${ours.panP95FrameMs} ms, ${ours.panLongFrames} frames > 50 ms)`,
      baseline: `${baseline.panFps} fps (0 points)`,
      ratio: String(fpsRatio),
      target: `≥ ${TARGET_FPS_RATIO}× and ≥ ${TARGET_FPS} fps`,
      isMet: isFpsMet,
    },
    {
      what: `one-map first render, ${POINTS} points`,
      ours: `${ours.firstRenderMs} ms`,
      baseline: `${baseline.firstRenderMs} ms`,
      ratio: String(ratio(ours.firstRenderMs, baseline.firstRenderMs)),
      target: '—',
      isMet: null,
    },
    // Smoke runs have no zoom steps.
    ...(baseline.zoomFps > 0
      ? [
          {
            what: 'one-map zoom steps fps (not in the pan target)',
            ours: `${ours.zoomFps} fps (${ours.zoomLongFrames} frames > 50 ms)`,
            baseline: `${baseline.zoomFps} fps`,
            ratio: String(ratio(ours.zoomFps, baseline.zoomFps)),
            target: '—',
            isMet: null,
          },
        ]
      : []),
  ],
});
if (!ours.isTapOk) console.warn('warning: a click on a point did not select it');
