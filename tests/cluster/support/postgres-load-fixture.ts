import path from 'node:path';
import { createPostgresLoadDatabase } from '../../support/postgres-load-database';

/** The fault tests' load fixture on PostgreSQL, plus an uploads directory the nodes share. */
export async function createPostgresLoadFixture({ staff }: { staff: number }) {
  const database = await createPostgresLoadDatabase({ staff });
  return {
    ...database,
    uploadDir: path.join(database.dir, 'uploads'),
    duty: database.sessions.command.find((person) => person.username === 'duty')!,
  };
}

export type PostgresLoadFixture = Awaited<ReturnType<typeof createPostgresLoadFixture>>;
