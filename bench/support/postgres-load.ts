// A load database on PostgreSQL for the multi-node benchmark: a throwaway PostgreSQL server from
// Debian's binaries (tests/support/postgres-server.ts), one database seeded by the real
// `seed:load` script, and its minted sessions. Same shape as the SQLite one (fanout-harness.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDatabase, startPostgres } from '../../tests/support/postgres-server';
import type { LoadSessions } from '../lib/load-server';
import type { LoadDatabase } from './fanout-harness';

export async function createPostgresLoadDatabase(staff: number): Promise<LoadDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ecodispatch-bench-pg-'));
  const server = await startPostgres();
  const databaseUrl = await createDatabase(server.url, 'ecodispatch_load');
  const sessionsFile = path.join(dir, 'load-sessions.json');
  const args = ['--import', 'tsx', 'scripts/seed-load.ts', '--db', databaseUrl, '--staff', String(staff), '--sessions', sessionsFile];
  execFileSync(process.execPath, [...args, '--no-escalation'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return {
    dir,
    databaseUrl,
    sessionsFile,
    sessions: JSON.parse(readFileSync(sessionsFile, 'utf8')) as LoadSessions,
    async countAcknowledged(incidentId) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM assignments WHERE incident_id = $1 AND acknowledged_at IS NOT NULL',
          [incidentId],
        );
        return rows[0]!.n;
      } finally {
        await client.end();
      }
    },
    async cleanup() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
