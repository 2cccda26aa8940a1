// `npm run bench`: every benchmark in turn, each in its own process (so one's memory and sockets
// never colour the next), then one markdown table from their bench/results/<name>.json files.
// `npm run bench:smoke` (BENCH_SMOKE=1) runs tiny versions only to prove the harness still works:
// it fails when a benchmark crashes, never when a target is missed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { markdownTable, type ReportRow } from './lib/report';

const BENCHMARKS = process.env.BENCH_ONLY?.split(',').filter(Boolean) ?? [
  'dispatch-fanout',
  'connections-held',
  'event-loop-delay',
  'trigger-api',
  'ack-ingest',
  'ack-burst-pg',
  'one-map-render',
  'field-page',
  'sqlite-durability',
  'multi-node-fanout',
  'capacity-check',
  'body-flood',
];

const isSmoke = process.env.BENCH_SMOKE === '1';
const failures: string[] = [];
const rows: ReportRow[] = [];

for (const name of BENCHMARKS) {
  const started = Date.now();
  console.log(`\n=== ${name}${isSmoke ? ' (smoke)' : ''} ===`);
  const run = spawnSync('npx', ['tsx', `bench/${name}.ts`], { stdio: 'inherit', env: process.env });
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  const resultFile = `bench/results/${name}.json`;
  if (run.status !== 0 || !existsSync(resultFile)) {
    failures.push(`${name} (exit ${run.status ?? run.signal})`);
    continue;
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as { rows?: ReportRow[]; at?: string };
  const isFresh = result.at !== undefined && Date.parse(result.at) >= started;
  if (!isFresh) failures.push(`${name} (wrote no fresh results)`);
  rows.push(...(result.rows ?? []));
  console.log(`[bench] ${name} took ${seconds} s`);
}

console.log(`\n## EcoDispatch benchmarks${isSmoke ? ' (smoke: tiny sizes, numbers mean nothing)' : ''}\n`);
console.log(markdownTable(rows));
if (failures.length > 0) {
  console.error(`\n[bench] harness failures: ${failures.join(', ')}`);
  process.exit(1);
}
