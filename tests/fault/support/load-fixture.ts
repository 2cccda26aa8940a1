import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

export type LoadSessions = {
  planId: string;
  jurisdictionId: string;
  command: Array<{ username: string; userId: string; cookie: string }>;
  staff: Array<{ username: string; userId: string; cookie: string }>;
};

/**
 * A temporary load database made by the real `seed:load` script (N on-duty staff, one plan that
 * needs them all, no escalation so no backup cards appear) plus its minted sessions.
 */
export function createLoadFixture({ staff }: { staff: number }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ecodispatch-fault-'));
  const databaseFile = path.join(dir, 'load.db');
  const sessionsFile = path.join(dir, 'sessions.json');
  const seeded = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/seed-load.ts',
      '--db',
      databaseFile,
      '--staff',
      String(staff),
      '--sessions',
      sessionsFile,
      '--no-escalation',
    ],
    { encoding: 'utf8' },
  );
  if (seeded.status !== 0) throw new Error(`seed:load failed:\n${seeded.stdout}\n${seeded.stderr}`);
  const sessions = JSON.parse(readFileSync(sessionsFile, 'utf8')) as LoadSessions;
  const duty = sessions.command.find((person) => person.username === 'duty')!;

  /** A read-only look at the live database (WAL lets it read beside the server's writes). */
  const query = <T>(sql: string, ...params: unknown[]): T[] => {
    const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };

  return {
    dir,
    databaseFile,
    uploadDir: path.join(dir, 'uploads'),
    sessions,
    duty,
    query,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export type LoadFixture = ReturnType<typeof createLoadFixture>;
