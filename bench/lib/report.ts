import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';

/** One line of the suite's markdown table: what was measured, ours vs the baseline of the same run, and the target. */
export type ReportRow = {
  what: string;
  ours: string;
  baseline: string;
  ratio: string;
  target: string;
  isMet: boolean | null;
};

/** The machine a run happened on; results are only comparable as ratios within one run. */
export function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

/** Writes bench/results/<name>.json (machine, parameters, raw numbers and rows) and prints the rows as markdown. */
export function writeReport(name: string, report: { parameters: Record<string, unknown>; results: unknown; rows: ReportRow[] }) {
  mkdirSync('bench/results', { recursive: true });
  const body = { benchmark: name, at: new Date().toISOString(), machine: machine(), ...report };
  writeFileSync(`bench/results/${name}.json`, `${JSON.stringify(body, null, 2)}\n`);
  console.log(`\n### ${name}\n\n${markdownTable(report.rows)}\n`);
}

export function markdownTable(rows: ReportRow[]): string {
  const mark = (isMet: boolean | null) => (isMet === null ? '—' : isMet ? '✅' : '❌');
  const lines = ['| what | ours | baseline | ratio | target | met |', '|---|---|---|---|---|---|'];
  for (const row of rows) lines.push(`| ${row.what} | ${row.ours} | ${row.baseline} | ${row.ratio} | ${row.target} | ${mark(row.isMet)} |`);
  return lines.join('\n');
}
