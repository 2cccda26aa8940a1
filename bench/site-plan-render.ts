// Benchmark: "A plan with 2,000 risk points stays smooth to pan and zoom on a phone-class CPU."
//
// One headless Chromium at 360×740 with the CPU throttled 4× (CDP Emulation.setCPUThrottlingRate)
// opens a small static page served from here (Leaflet straight from node_modules, no bundler) and
// draws the same plan with the same N points two ways, in the same run:
//   canvas   — our way: circleMarkers on one canvas renderer with the numbers painted on it,
//              as components/maps/site-plan-map.tsx + site-plan-canvas.ts do;
//   dom      — the baseline: one L.marker with a divIcon (a DOM element) per point.
// The same scripted pan/zoom sequence runs over each; requestAnimationFrame timestamps give the
// frame intervals (median, p95, long frames > 50 ms) and CDP gives the JS heap after a GC.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';

const POINTS = Number(process.env.BENCH_POINTS ?? 2000);
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const LONG_FRAME_MS = 50;
const TARGET_P95_MS = 50;
const VIEWPORT = { width: 360, height: 740 };
const ALL_MODES = ['canvas', 'dom', 'canvas-plain'] as const;
type Mode = (typeof ALL_MODES)[number];
// `canvas-plain` (circles without the painted numbers) is opt-in: it tells what the labels cost.
const MODES = (process.env.BENCH_MODES ?? 'canvas,dom').split(',').filter((m): m is Mode => (ALL_MODES as readonly string[]).includes(m));

const root = path.resolve(import.meta.dirname, '..');
const leafletDir = path.join(root, 'node_modules/leaflet/dist');

// A 1600×1100 plan like the demo ones: fence, roads, a dozen buildings, a river.
const PLAN_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1100" viewBox="0 0 1600 1100">
<rect width="1600" height="1100" fill="#f8f7f2"/><rect x="60" y="60" width="1380" height="980" fill="none" stroke="#111" stroke-width="6" stroke-dasharray="24 12"/>
<rect x="1480" y="0" width="120" height="1100" fill="#93c5fd"/><rect x="60" y="520" width="1380" height="40" fill="#d1d5db"/><rect x="720" y="60" width="40" height="980" fill="#d1d5db"/>
${Array.from({ length: 12 }, (_, i) => `<rect x="${120 + (i % 4) * 330}" y="${120 + Math.floor(i / 4) * 320}" width="220" height="160" fill="#e5e7eb" stroke="#374151" stroke-width="3"/>`).join('')}
</svg>`;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="stylesheet" href="/leaflet.css"><style>html,body,#map{margin:0;height:100%;background:#e5e7eb}
.pin{display:flex;align-items:center;justify-content:center;border-radius:50%;border:2px solid #fff;color:#fff;font:700 12px/1 system-ui,sans-serif;box-sizing:border-box}</style>
</head><body><div id="map"></div><script src="/leaflet.js"></script><script>
const COLORS = ['#b45309','#b91c1c','#0369a1','#7e22ce','#047857','#be185d','#15803d','#475569','#44403c'];
// The same hook as components/maps/site-plan-canvas.ts: numbers painted on the circles' canvas.
const base = L.Canvas.prototype._updateCircle;
const LabelledCanvas = L.Canvas.extend({ _updateCircle(layer) {
  base.call(this, layer);
  const label = layer.options.label;
  if (!label || !this._drawing || layer._empty()) return;
  const ctx = this._ctx, size = label.length <= 2 ? 12 : label.length === 3 ? 10 : 8;
  ctx.save(); ctx.font = '700 ' + size + 'px system-ui, sans-serif'; ctx.fillStyle = '#fff'; ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
  ctx.fillText(label, layer._point.x, layer._point.y + 0.5); ctx.restore();
}});
function rng(seed) { return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296); }
window.setup = (mode, count) => {
  const t0 = performance.now();
  const W = 1600, H = 1100, bounds = L.latLngBounds([[0, 0], [H, W]]);
  // The viewer's own options (site-plan-map.tsx).
  const map = L.map('map', { crs: L.CRS.Simple, minZoom: -5, maxZoom: 3, zoomSnap: 0, zoomDelta: 0.5, attributionControl: false, maxBounds: bounds.pad(0.25) });
  map.fitBounds(bounds, { padding: [8, 8] });
  L.imageOverlay('/plan.svg', bounds).addTo(map);
  const random = rng(42), group = L.layerGroup();
  const renderer = mode === 'dom' ? null : new LabelledCanvas({ padding: 0.3, tolerance: 4 });
  for (let i = 0; i < count; i++) {
    const ll = [H - (70 + random() * (H - 140)), 70 + random() * (W - 140)];
    const color = COLORS[i % COLORS.length], label = String(i + 1);
    if (mode !== 'dom') {
      const options = { renderer, radius: 11, fillColor: color, fillOpacity: 1, color: '#fff', weight: 2, label: mode === 'canvas' ? label : undefined };
      group.addLayer(L.circleMarker(ll, options).on('click', () => {}));
    } else {
      const icon = L.divIcon({ className: '', iconSize: [24, 24], iconAnchor: [12, 12], html: '<div class="pin" style="width:24px;height:24px;background:' + color + '">' + label + '</div>' });
      group.addLayer(L.marker(ll, { icon, keyboard: false }).on('click', () => {}));
    }
  }
  group.addTo(map);
  window.benchMap = map;
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0))));
};
window.startFrames = () => { const frames = window.frames_ = []; window.marks_ = []; const tick = (t) => { frames.push(t); if (window.frames_ === frames) requestAnimationFrame(tick); }; requestAnimationFrame(tick); };
window.markPhase = (phase) => window.marks_.push([performance.now(), phase]);
window.stopFrames = () => { const f = window.frames_; window.frames_ = null; return { frames: f, marks: window.marks_ }; };
window.domNodes = () => document.getElementsByTagName('*').length;
</script></body></html>`;

function serve() {
  const files: Record<string, { type: string; body: string | Buffer }> = {
    '/': { type: 'text/html; charset=utf-8', body: PAGE },
    '/leaflet.js': { type: 'text/javascript', body: readFileSync(path.join(leafletDir, 'leaflet.js')) },
    '/leaflet.css': { type: 'text/css', body: readFileSync(path.join(leafletDir, 'leaflet.css')) },
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

/**
 * A thumb's session on the plan: four drags, three zoom steps in, pans while zoomed, back out.
 * Frames are recorded per step and labelled, so pans and zooms can be told apart in the result.
 */
async function panAndZoom(page: Page): Promise<Record<Phase, number[]>> {
  const cx = VIEWPORT.width / 2;
  const cy = VIEWPORT.height / 2;
  const mark = (phase: Phase) => page.evaluate((p) => (window as unknown as { markPhase: (p: string) => void }).markPhase(p), phase);
  const drag = async (dx: number, dy: number) => {
    await mark('pan');
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dx, cy + dy, { steps: 24 });
    await page.mouse.up();
    await page.waitForTimeout(150);
  };
  const wheel = async (deltaY: number) => {
    await mark('zoom');
    await page.mouse.move(cx, cy);
    await page.mouse.wheel(0, deltaY);
    await page.waitForTimeout(350);
  };

  // One unbroken rAF recording; each interval is credited to the step during which it began.
  await page.evaluate(() => (window as unknown as { startFrames: () => void }).startFrames());
  for (const [dx, dy] of [
    [-120, 0],
    [120, 0],
    [0, -200],
    [0, 200],
  ] as const)
    await drag(dx, dy);
  for (let i = 0; i < 3; i += 1) await wheel(-120);
  for (const [dx, dy] of [
    [-150, -150],
    [150, 150],
    [100, -120],
  ] as const)
    await drag(dx, dy);
  for (let i = 0; i < 3; i += 1) await wheel(120);
  await page.waitForTimeout(300);
  const { frames, marks } = await page.evaluate(() =>
    (window as unknown as { stopFrames: () => { frames: number[]; marks: [number, Phase][] } }).stopFrames(),
  );

  const intervals: Record<Phase, number[]> = { pan: [], zoom: [] };
  for (let i = 1; i < frames.length; i += 1) {
    const start = frames[i - 1]!;
    const phase = marks.filter(([at]) => at <= start).at(-1)?.[1] ?? 'pan';
    intervals[phase].push(frames[i]! - start);
  }
  return intervals;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
const round = (value: number) => Math.round(value * 10) / 10;

async function measure(browserPage: Page, url: string, mode: Mode) {
  const cdp = await browserPage.context().newCDPSession(browserPage);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await browserPage.goto(url);
  const setupMs = await browserPage.evaluate(
    ([m, n]) => (window as unknown as { setup: (m: string, n: number) => Promise<number> }).setup(m, n),
    [mode, POINTS] as const,
  );
  await browserPage.waitForTimeout(500);

  const phases = await panAndZoom(browserPage);

  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const domNodes = await browserPage.evaluate(() => (window as unknown as { domNodes: () => number }).domNodes());
  await cdp.detach();

  const intervals = [...phases.pan, ...phases.zoom];
  const sorted = [...intervals].sort((a, b) => a - b);
  const longIn = (list: number[]) => list.filter((ms) => ms > LONG_FRAME_MS).length;
  return {
    setupMs: round(setupMs),
    frames: intervals.length,
    medianFrameMs: round(quantile(sorted, 0.5)),
    p95FrameMs: round(quantile(sorted, 0.95)),
    p99FrameMs: round(quantile(sorted, 0.99)),
    // Time spent beyond the 50 ms budget: what a thumb feels as stutter.
    jankMs: round(intervals.reduce((sum, ms) => sum + Math.max(0, ms - LONG_FRAME_MS), 0)),
    maxFrameMs: round(sorted.at(-1) ?? 0),
    longFrames: longIn(intervals),
    longFramesPanning: longIn(phases.pan),
    longFramesZooming: longIn(phases.zoom),
    heapMiB: round(heap.usedSize / 2 ** 20),
    domNodes,
  };
}

type Sample = Awaited<ReturnType<typeof measure>>;

/** Per metric, the median over rounds (the long-frame count summed), so one noisy round does not decide. */
function summarize(samples: Sample[]) {
  const med = (pick: (s: Sample) => number) => {
    const values = samples.map(pick).sort((a, b) => a - b);
    return values[Math.floor((values.length - 1) / 2)] ?? 0;
  };
  return {
    setupMs: med((s) => s.setupMs),
    medianFrameMs: med((s) => s.medianFrameMs),
    p95FrameMs: med((s) => s.p95FrameMs),
    p99FrameMs: med((s) => s.p99FrameMs),
    jankMs: med((s) => s.jankMs),
    maxFrameMs: Math.max(...samples.map((s) => s.maxFrameMs)),
    longFrames: samples.reduce((sum, s) => sum + s.longFrames, 0),
    longFramesPanning: samples.reduce((sum, s) => sum + s.longFramesPanning, 0),
    longFramesZooming: samples.reduce((sum, s) => sum + s.longFramesZooming, 0),
    frames: samples.reduce((sum, s) => sum + s.frames, 0),
    heapMiB: med((s) => s.heapMiB),
    domNodes: med((s) => s.domNodes),
    rounds: samples,
  };
}

const site = await serve();
const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const chromiumVersion = browser.version();
const samples: Record<Mode, Sample[]> = { canvas: [], dom: [], 'canvas-plain': [] };
try {
  for (let roundIndex = 0; roundIndex < ROUNDS; roundIndex += 1) {
    // Alternate the order, so neither way always runs on a warmer machine.
    const order = roundIndex % 2 === 0 ? MODES : [...MODES].reverse();
    for (const mode of order) {
      const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 2 });
      const page = await context.newPage();
      samples[mode].push(await measure(page, site.url, mode));
      await context.close();
    }
  }
} finally {
  await browser.close();
  site.close();
}

const canvas = summarize(samples.canvas);
const dom = summarize(samples.dom);
const canvasPlain = samples['canvas-plain'].length > 0 ? summarize(samples['canvas-plain']) : undefined;
const result = {
  benchmark: 'site-plan-render',
  claim: `A plan with ${POINTS} risk points stays smooth to pan and zoom on a phone-class CPU.`,
  points: POINTS,
  viewport: VIEWPORT,
  cpuThrottle: THROTTLE,
  rounds: ROUNDS,
  longFrameMs: LONG_FRAME_MS,
  canvas,
  dom,
  ...(canvasPlain ? { canvasPlain } : {}),
  p95Ratio: round(dom.p95FrameMs / Math.max(canvas.p95FrameMs, 0.1)),
  target: { p95FrameMsAtMost: TARGET_P95_MS, isMet: canvas.p95FrameMs <= TARGET_P95_MS && canvas.p95FrameMs < dom.p95FrameMs },
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, chromium: chromiumVersion },
  at: new Date().toISOString(),
};

mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/site-plan-render.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, (key, value) => (key === 'rounds' && Array.isArray(value) ? undefined : value), 2));
