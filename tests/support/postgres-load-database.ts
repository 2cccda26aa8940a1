import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { LoadSessions } from '../fault/support/load-fixture';
import { createDatabase, startPostgres } from './postgres-server';

/**
 * A load database on a throwaway PostgreSQL server, for the multi-node tests and benchmark: one
 * database seeded by the real `seed:load` script (N on-duty staff, one plan that needs them all,
 * no escalation) and its minted sessions, plus a way to look at it beside the nodes' writes.
 */
export async function createPostgresLoadDatabase({ staff, settings }: { staff: number; settings?: Record<string, string> }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ecodispatch-pg-load-'));
  const server = await startPostgres({ settings });
  const cleanup = async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const databaseUrl = await createDatabase(server.url, 'ecodispatch_load');
    const sessionsFile = path.join(dir, 'load-sessions.json');
    const args = ['--import', 'tsx', 'scripts/seed-load.ts', '--db', databaseUrl, '--staff', String(staff), '--sessions', sessionsFile];
    execFileSync(process.execPath, [...args, '--no-escalation'], { stdio: ['ignore', 'ignore', 'inherit'] });

    const query = async <T extends pg.QueryResultRow>(sql: string, ...params: unknown[]): Promise<T[]> => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return (await client.query<T>(sql, params)).rows;
      } finally {
        await client.end();
      }
    };
    const sessions = JSON.parse(readFileSync(sessionsFile, 'utf8')) as LoadSessions;
    return { dir, databaseUrl, sessionsFile, sessions, query, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
