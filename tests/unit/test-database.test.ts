import { is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { isPostgres } from '@/db';
import { assignments } from '@/db/schema';
import { openTestDatabase } from '../helpers/test-database';

// The "*-pg" projects must really run on PostgreSQL (their global setup sets DATABASE_URL before
// the workers start), or the whole second run would silently test SQLite again.
describe('the test database', () => {
  it('is the dialect the project names, with that dialect’s tables', async () => {
    const expectsPostgres = process.env.TEST_EXPECT_DIALECT === 'postgres';
    const { db, close } = await openTestDatabase();
    try {
      expect(isPostgres(db)).toBe(expectsPostgres);
      expect(is(assignments, PgTable)).toBe(expectsPostgres);
    } finally {
      await close();
    }
  });
});
