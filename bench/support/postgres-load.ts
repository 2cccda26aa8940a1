// A load database on PostgreSQL for the multi-node benchmark (tests/support/postgres-load-database.ts),
// in the shape of the SQLite one (fanout-harness.ts).
import { createPostgresLoadDatabase as createDatabase } from '../../tests/support/postgres-load-database';
import type { LoadDatabase } from './fanout-harness';

export type PostgresLoadDatabase = LoadDatabase & {
  /** One query on a connection of its own (superuser of the throwaway server). */
  query: Awaited<ReturnType<typeof createDatabase>>['query'];
};

/** `settings`: server settings for the throwaway PostgreSQL (e.g. shared_preload_libraries for pg_stat_statements). */
export async function createPostgresLoadDatabase(staff: number, settings?: Record<string, string>): Promise<PostgresLoadDatabase> {
  const database = await createDatabase({ staff, settings });
  return {
    ...database,
    // The same seed:load file; the bench's type names the fields the fault tests do not read.
    sessions: database.sessions as LoadDatabase['sessions'],
    async countAcknowledged(incidentId) {
      const rows = await database.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM assignments WHERE incident_id = $1 AND acknowledged_at IS NOT NULL',
        incidentId,
      );
      return rows[0]!.n;
    },
  };
}
