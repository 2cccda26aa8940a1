// `npm run db:backup [-- --db ./data/ecodispatch.db] [--out backups/x.db]`: an online backup of
// the database, safe while the server runs and writes. Restore: docs/operations.md.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { sqlitePath } from '../db/dialect';
import { parseEnv } from '../server/kernel/config/env';

const { values: args } = parseArgs({
  options: { db: { type: 'string' }, out: { type: 'string' } },
  strict: true,
});

const source = path.resolve(args.db ?? sqlitePath(parseEnv(process.env).DATABASE_URL));
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const out = path.resolve(args.out ?? path.join('backups', `ecodispatch-${stamp}.db`));
// Written under a temporary name and renamed only once checked, so a file named like a backup is one.
const partial = `${out}.partial`;

function fail(message: string): never {
  console.error(`[db:backup] ${message}`);
  process.exit(1);
}

async function copyOnline() {
  const live = new Database(source, { fileMustExist: true });
  live.pragma('busy_timeout = 5000');
  try {
    // SQLite's online backup API. Pages are copied in ONE step, i.e. inside one read transaction:
    // in WAL mode that sees a single committed state and never blocks the server's writers. In
    // small steps, every commit by the server would restart the copy, and a busy server could
    // keep it from ever finishing.
    await live.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    live.close();
  }
  // The copy inherits WAL mode; make it one self-contained file (no -wal/-shm beside it).
  const copy = new Database(partial, { fileMustExist: true });
  copy.pragma('journal_mode = DELETE');
  copy.close();
}

function check(file: string): string[] {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = copy.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const foreignKeys = copy.pragma('foreign_key_check') as unknown[];
    const problems = integrity.map((row) => row.integrity_check).filter((line) => line !== 'ok');
    if (foreignKeys.length) problems.push(`${foreignKeys.length} rows fail foreign_key_check`);
    return problems;
  } finally {
    copy.close();
  }
}

if (!existsSync(source)) fail(`no database at ${source} (set DATABASE_URL or pass --db)`);
if (existsSync(out)) fail(`${out} already exists; choose another --out`);
mkdirSync(path.dirname(out), { recursive: true });
rmSync(partial, { force: true });

const started = performance.now();
try {
  await copyOnline();
} catch (error) {
  rmSync(partial, { force: true });
  fail(`backup of ${source} failed: ${error instanceof Error ? error.message : String(error)}`);
}
const problems = check(partial);
if (problems.length) {
  console.error(problems.slice(0, 20).join('\n'));
  fail(`integrity_check FAILED on the copy; left for inspection at ${partial}`);
}
renameSync(partial, out);
const megabytes = (statSync(out).size / 1_048_576).toFixed(1);
console.log(`[db:backup] ${source} -> ${out} (${megabytes} MiB, ${Math.round(performance.now() - started)} ms)`);
console.log('[db:backup] integrity_check: ok');
