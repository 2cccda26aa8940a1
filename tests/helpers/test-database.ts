import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { connectPostgres, openDatabase, type Db } from '@/db';
import { isPostgresUrl } from '@/db/dialect';
import { TEMPLATE_DATABASE } from '../support/postgres-global-setup';
import { createDatabase } from '../support/postgres-server';

/** Whether this test run is on PostgreSQL (the "*-pg" projects), else on SQLite. */
export const isPostgresRun = () => isPostgresUrl(process.env.DATABASE_URL);

/**
 * Where a fresh, migrated, empty database for one test lives: SQLite in memory, or on a
 * PostgreSQL run a copy of the migrated template (tests/support/postgres-global-setup.ts) that
 * `drop` removes again. For a server under test, which opens DATABASE_URL itself.
 */
export async function createTestDatabaseUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!isPostgresRun()) return { url: 'file::memory:', drop: async () => {} };
  const serverUrl = process.env.TEST_POSTGRES_SERVER_URL!;
  const name = `test_${randomUUID().replaceAll('-', '')}`;
  const url = await createDatabase(serverUrl, name, { template: TEMPLATE_DATABASE });
  return { url, drop: () => dropDatabase(serverUrl, name) };
}

/** A fresh, migrated, empty database for one test, open; `close` also drops it on PostgreSQL. */
export async function openTestDatabase(): Promise<{ db: Db; close: () => Promise<void> }> {
  if (!isPostgresRun()) {
    const { db, close } = openDatabase(':memory:');
    return { db, close: async () => close() };
  }
  const { url, drop } = await createTestDatabaseUrl();
  const { db, close } = connectPostgres(url, 4);
  let closed: Promise<void> | undefined;
  // Some suites close in afterEach and again in afterAll: the second call is a no-op, as on SQLite.
  return { db, close: () => (closed ??= close().then(drop)) };
}

/** Drops a test database (and any connection a server under test left open on it). */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
