import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { LoadSessions } from '../../fault/support/load-fixture';
import { createDatabase, startPostgres } from '../../support/postgres-server';

/**
 * The fault tests' load fixture on PostgreSQL, for the multi-node tests: a throwaway server, a
 * database seeded by the real `seed:load` script (N on-duty staff, one plan that needs them all,
 * no escalation) and its minted sessions, plus an uploads directory the nodes share.
 */
export async function createPostgresLoadFixture({ staff }: { staff: number }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ecodispatch-cluster-'));
  const server = await startPostgres();
  try {
    const databaseUrl = await createDatabase(server.url, 'ecodispatch_load');
    const sessionsFile = path.join(dir, 'sessions.json');
    const seeded = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/seed-load.ts',
        '--db',
        databaseUrl,
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

    /** A look at the live database beside the nodes' writes. */
    const query = async <T extends pg.QueryResultRow>(sql: string, ...params: unknown[]): Promise<T[]> => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return (await client.query<T>(sql, params)).rows;
      } finally {
        await client.end();
      }
    };

    return {
      databaseUrl,
      uploadDir: path.join(dir, 'uploads'),
      sessions,
      duty: sessions.command.find((person) => person.username === 'duty')!,
      query,
      cleanup: async () => {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

export type PostgresLoadFixture = Awaited<ReturnType<typeof createPostgresLoadFixture>>;
