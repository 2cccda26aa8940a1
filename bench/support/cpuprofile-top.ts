// `npx tsx bench/support/cpuprofile-top.ts <file.cpuprofile> [top=25]`: self time per function and
// per file of a V8 CPU profile (from BENCH_CPU_PROF=<dir>), to see where a server spent a run.
import { readFileSync } from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: cpuprofile-top.ts <file.cpuprofile> [top]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const top = Number(topArg ?? 25);
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
const totalUs = profile.endTime - profile.startTime;

const sum = (key: (node: Node) => string) => {
  const totals = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (node) totals.set(key(node), (totals.get(key(node)) ?? 0) + us);
  }
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, top);
};
const short = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(process.cwd(), '.')
    .replace(/.*node_modules\//, 'nm/');
const print = (title: string, rows: Array<[string, number]>) => {
  console.log(`\n${title} (of ${(totalUs / 1e3).toFixed(0)} ms profiled)`);
  for (const [name, us] of rows)
    console.log(`${(us / 1e3).toFixed(1).padStart(10)} ms  ${((us / totalUs) * 100).toFixed(1).padStart(5)}%  ${name}`);
};
print(
  'self time by function',
  sum((node) => `${node.callFrame.functionName || '(anonymous)'} ${short(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`),
);
print(
  'self time by file',
  sum((node) => short(node.callFrame.url) || `(${node.callFrame.functionName})`),
);

// Inclusive time of our own functions (server/, db/, app/ compiled by tsx or Next): where the work starts.
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const inclusive = new Map<string, number>();
profile.samples.forEach((id, index) => {
  const seen = new Set<string>();
  for (let current: number | undefined = id; current !== undefined; current = parentOf.get(current)) {
    const node = byId.get(current)!;
    const url = short(node.callFrame.url);
    if (!/^\.\/(server|db)\//.test(url)) continue;
    const key = `${node.callFrame.functionName || '(anonymous)'} ${url}:${node.callFrame.lineNumber + 1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0));
  }
});
print('inclusive time of server/ and db/ functions', [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top));
