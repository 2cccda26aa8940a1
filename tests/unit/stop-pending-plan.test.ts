import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { cancelPendingMessages } from '@/server/dispatch/delivery/stop-pending';
import { isPostgresRun } from '../helpers/test-database';

let opened: ReturnType<typeof openDatabase> | undefined;
afterEach(() => opened?.close());

// Every 收到 runs this statement. With the (status, due) index chosen, it walked every pending
// message in the database: with a 10,000-person dispatch's SMS queued, ≈ 34 ms per 收到.
describe.skipIf(isPostgresRun())('cancelling a card’s queued messages (SQLite plan)', () => {
  it('finds the messages through their assignment index, not by scanning the pending ones', () => {
    opened = openDatabase(':memory:');
    const query = cancelPendingMessages(opened.db).toSQL();
    const plan = opened.sqlite
      .prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
      .all(...query.params.map(() => null)) as { detail: string }[];
    const details = plan.map((step) => step.detail).join('\n');
    expect(details).toContain('notifications USING INDEX notifications_assignment');
    expect(details).not.toContain('notifications_due');
  });
});
