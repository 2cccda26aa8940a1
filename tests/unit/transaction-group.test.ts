import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { insertInChunks } from '@/db/insert-in-chunks';
import { auditEvents, idempotencyKeys } from '@/db/schema';
import { withTransaction } from '@/db/transaction';

let opened: ReturnType<typeof openDatabase> | undefined;
afterEach(() => opened?.close());

const row = (entityId: string) => ({
  id: randomUUID(),
  jurisdictionId: 'j',
  actorId: null,
  action: 'test.write',
  entityType: 'test',
  entityId,
  createdAt: new Date(),
});

describe('withTransaction (group commit)', () => {
  it('commits waiting callers together, and a caller that throws undoes only its own writes', async () => {
    opened = openDatabase(':memory:');
    const { db, sqlite } = opened;
    const settledInTransaction: boolean[] = [];
    const write = (entityId: string, shouldFail = false) =>
      withTransaction(db, async (tx) => {
        await tx.insert(auditEvents).values(row(entityId));
        if (shouldFail) throw new Error(`refused ${entityId}`);
        return entityId;
      }).then(
        (value) => {
          settledInTransaction.push(sqlite.inTransaction);
          return value;
        },
        // A refused caller may hear it at once: none of its writes will be committed.
        (error: Error) => error.message,
      );

    const outcomes = await Promise.all([write('a'), write('b', true), write('c')]);

    expect(outcomes).toEqual(['a', 'refused b', 'c']);
    const written = await db.select({ entityId: auditEvents.entityId }).from(auditEvents).where(eq(auditEvents.action, 'test.write'));
    expect(written.map((one) => one.entityId).sort()).toEqual(['a', 'c']);
    // Nobody hears "done" while the shared transaction is still open.
    expect(settledInTransaction).toEqual([false, false]);
  });

  it('a lone caller that throws rolls back, and the next transaction still runs', async () => {
    opened = openDatabase(':memory:');
    const { db } = opened;
    await expect(
      withTransaction(db, async (tx) => {
        await tx.insert(auditEvents).values(row('lost'));
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    await withTransaction(db, async (tx) => tx.insert(auditEvents).values(row('kept')));
    const written = await db.select({ entityId: auditEvents.entityId }).from(auditEvents).where(eq(auditEvents.action, 'test.write'));
    expect(written.map((one) => one.entityId)).toEqual(['kept']);
  });

  it('inserts more rows than one statement may bind, in chunks', async () => {
    opened = openDatabase(':memory:');
    const { db } = opened;
    const rows = Array.from({ length: 7_000 }, (_, index) => row(`e${index}`));
    await withTransaction(db, (tx) => insertInChunks(tx, auditEvents, rows));
    const written = await db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.action, 'test.write'));
    expect(written).toHaveLength(7_000);
  });

  it('returns every row as stored, defaults filled in, for any count', async () => {
    opened = openDatabase(':memory:');
    const { db } = opened;
    // Without `data`: its default ({}) comes from the schema, as drizzle would write it.
    for (const count of [1, 3, 1_000, 3_751]) {
      const rows = Array.from({ length: count }, (_, index) => ({ ...row(`n${count}-${index}`), action: `test.count${count}` }));
      const returned = await withTransaction(db, (tx) => insertInChunks(tx, auditEvents, rows));
      const stored = await db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, `test.count${count}`));
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      expect(returned.sort(byId)).toEqual(stored.sort(byId));
      expect(stored[0]!.data).toEqual({});
    }
  });

  it('returns the stored rows when a default is only known to the database (SQL expression)', async () => {
    opened = openDatabase(':memory:');
    const { db } = opened;
    // idempotency_keys.created_at defaults to an SQL expression: without a value, drizzle writes it.
    const returned = await withTransaction(db, (tx) =>
      insertInChunks(tx, idempotencyKeys, [{ userId: 'u', key: 'k', requestHash: 'h', incidentId: 'i' }]),
    );
    const stored = await db.select().from(idempotencyKeys);
    expect(returned).toEqual(stored);
    expect(returned[0]!.createdAt).toBeInstanceOf(Date);
  });

  it('stores each row its own JSON, whether rows share one object or not', async () => {
    opened = openDatabase(':memory:');
    const { db } = opened;
    // A dispatch gives every card the same object (its value is mapped once and reused); others differ.
    const shared = { role: 'shared' };
    const rows = [
      { ...row('s1'), data: shared },
      { ...row('s2'), data: shared },
      { ...row('own'), data: { role: 'own' } },
      { ...row('s3'), data: shared },
      { ...row('none'), data: {} },
    ];
    await withTransaction(db, (tx) => insertInChunks(tx, auditEvents, rows));
    const stored = await db.select({ entityId: auditEvents.entityId, data: auditEvents.data }).from(auditEvents);
    expect(Object.fromEntries(stored.map((one) => [one.entityId, one.data]))).toEqual({
      s1: shared,
      s2: shared,
      own: { role: 'own' },
      s3: shared,
      none: {},
    });
  });
});
