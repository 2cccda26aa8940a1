import { eq, getTableColumns, is, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { getTableConfig as getPgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { blob, getTableConfig, integer, numeric, sqliteTable, SQLiteTable, text } from 'drizzle-orm/sqlite-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { derivePgTables } from '@/db/pg/derive-pg-tables';
import * as pgSchema from '@/db/pg/schema';
import * as sqliteSchema from '@/db/sqlite-schema';
import { createDatabase, startPostgres, type PostgresServer } from '../support/postgres-server';

const sqliteTables = Object.entries(sqliteSchema as Record<string, unknown>).filter((entry): entry is [string, SQLiteTable] =>
  is(entry[1], SQLiteTable),
);
const pgTables = pgSchema as Record<string, unknown>;

describe('PostgreSQL tables derived from the SQLite schema', () => {
  it('exports exactly the SQLite tables, under the same names', () => {
    expect(Object.keys(pgSchema).sort()).toEqual(sqliteTables.map(([exportName]) => exportName).sort());
    for (const value of Object.values(pgSchema)) expect(is(value, PgTable)).toBe(true);
  });

  it('db/schema.ts chooses every table by dialect (a table it forgot would stay SQLite on PostgreSQL)', () => {
    const source = readFileSync(path.join(process.cwd(), 'db/schema.ts'), 'utf8');
    const chosen = [...source.matchAll(/^export const (\w+) = tables\.(\w+);$/gm)].map((match) => {
      expect(match[2]).toBe(match[1]);
      return match[1];
    });
    expect(chosen.sort()).toEqual(sqliteTables.map(([exportName]) => exportName).sort());
  });

  it.each(sqliteTables)('%s has the same name, columns, keys, indexes and foreign keys', (exportName, sqliteTable) => {
    const sqliteConfig = getTableConfig(sqliteTable);
    const pgConfig = getPgTableConfig(pgTables[exportName] as PgTable);
    expect(pgConfig.name).toBe(sqliteConfig.name);

    const columnShape = (columns: Record<string, { name: string; notNull: boolean; primary: boolean; hasDefault: boolean }>) =>
      Object.entries(columns).map(([key, column]) => [key, column.name, column.notNull, column.primary, column.hasDefault]);
    expect(columnShape(getTableColumns(pgTables[exportName] as PgTable))).toEqual(columnShape(getTableColumns(sqliteTable)));

    const names = (items: { columns: { name: string }[]; getName(): string | undefined }[]) =>
      items.map((item) => [item.getName(), item.columns.map((column) => column.name)]);
    expect(names(pgConfig.primaryKeys)).toEqual(names(sqliteConfig.primaryKeys));
    expect(names(pgConfig.uniqueConstraints)).toEqual(names(sqliteConfig.uniqueConstraints));

    const indexes = (items: { config: { name?: string; unique: boolean } }[]) => items.map(({ config }) => [config.name, config.unique]);
    expect(indexes(pgConfig.indexes)).toEqual(indexes(sqliteConfig.indexes));

    const foreignKeys = (items: { getName(): string; onDelete?: string; onUpdate?: string }[]) =>
      items.map((key) => [key.getName(), key.onDelete ?? 'no action', key.onUpdate ?? 'no action']);
    expect(foreignKeys(pgConfig.foreignKeys)).toEqual(foreignKeys(sqliteConfig.foreignKeys));
  });

  it('gives every table the same TypeScript row types as SQLite', () => {
    type Pg = typeof pgSchema;
    type Lite = typeof sqliteSchema;
    expectTypeOf<{ [K in keyof Pg]: Pg[K]['$inferSelect'] }>().toEqualTypeOf<{ [K in keyof Pg]: Lite[K & keyof Lite]['$inferSelect'] }>();
    expectTypeOf<{ [K in keyof Pg]: Pg[K]['$inferInsert'] }>().toEqualTypeOf<{ [K in keyof Pg]: Lite[K & keyof Lite]['$inferInsert'] }>();
  });

  it('maps blob and numeric columns, and rejects what it cannot translate', () => {
    const odd = sqliteTable('odd', {
      id: text('id').primaryKey(),
      bytes: blob('bytes', { mode: 'buffer' }),
      big: blob('big', { mode: 'bigint' }),
      doc: blob('doc', { mode: 'json' }),
      amount: numeric('amount'),
    });
    const { odd: derived } = derivePgTables({ odd });
    const types = Object.values(getTableColumns(derived)).map((column) => [column.name, column.getSQLType()]);
    expect(types).toEqual([
      ['id', 'text'],
      ['bytes', 'bytea'],
      ['big', 'bigint'],
      ['doc', 'jsonb'],
      ['amount', 'numeric'],
    ]);

    const lowered = sqliteTable('lowered', { name: text('name').default(sql`(lower('X'))`) });
    expect(() => derivePgTables({ lowered })).toThrow(/lowered\.name: SQL default \(lower\('X'\)\)/);
    const rowid = sqliteTable('rowid', { id: integer('id').primaryKey() });
    expect(() => derivePgTables({ rowid })).toThrow(/rowid\.id: integer primary keys/);
  });
});

describe('PostgreSQL migrations (db/migrations-pg)', () => {
  let server: PostgresServer;
  let pool: pg.Pool;
  const db = () => drizzle(pool, { schema: pgSchema });

  beforeAll(async () => {
    server = await startPostgres();
    // Migrate a template once and clone it, as suites with many databases will.
    const templateUrl = await createDatabase(server.url, 'ecodispatch_template');
    const templatePool = new pg.Pool({ connectionString: templateUrl });
    await migrate(drizzle(templatePool), { migrationsFolder: 'db/migrations-pg' });
    await templatePool.end();
    pool = new pg.Pool({ connectionString: await createDatabase(server.url, 'ecodispatch_test', { template: 'ecodispatch_template' }) });
  }, 120_000);

  afterAll(async () => {
    await pool?.end();
    await server?.stop();
  }, 60_000);

  it('creates every table and index of the schema', async () => {
    const tables = await pool.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    const expectedTables = sqliteTables.map(([, table]) => getTableConfig(table).name);
    expect(tables.rows.map((row) => row.name).sort()).toEqual(expectedTables.sort());

    const indexes = await pool.query<{ name: string }>(`SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public'`);
    const expectedIndexes = sqliteTables.flatMap(([, table]) => getTableConfig(table).indexes.map((index) => index.config.name));
    expect(indexes.rows.map((row) => row.name)).toEqual(expect.arrayContaining(expectedIndexes));
  });

  it('round-trips timestamps, booleans and JSON through drizzle', async () => {
    const dutyChangedAt = new Date('2026-03-04T05:06:07.089Z');
    await db().insert(pgSchema.jurisdictions).values({ id: 'j1', name: '示例区', nameEn: 'Sample', centerLat: 30.5, centerLng: 114.25 });
    await db().insert(pgSchema.users).values({
      id: 'u1',
      jurisdictionId: 'j1',
      username: 'duty1',
      passwordHash: 'x',
      displayName: '张三',
      role: 'duty_officer',
      isOnDuty: true,
      dutyChangedAt,
    });
    const data = { steps: ['realert', 'backup'], nested: { count: 2, note: '收到' } };
    await db().insert(pgSchema.auditEvents).values({
      id: 'a1',
      jurisdictionId: 'j1',
      action: 'user.create',
      entityType: 'user',
      entityId: 'u1',
      data,
      createdAt: dutyChangedAt,
    });

    const [user] = await db().select().from(pgSchema.users).where(eq(pgSchema.users.id, 'u1'));
    expect(user?.isOnDuty).toBe(true);
    expect(user?.isActive).toBe(true); // column default
    expect(user?.dutyChangedAt).toEqual(dutyChangedAt); // millisecond precision kept
    expect(user?.createdAt).toBeInstanceOf(Date); // defaultNow()
    expect(Math.abs(user!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);

    const audit = await db().query.auditEvents.findFirst({ where: eq(pgSchema.auditEvents.id, 'a1') });
    expect(audit?.data).toEqual(data);
    expect(audit?.createdAt).toEqual(dutyChangedAt);

    const [withDefault] = await db()
      .insert(pgSchema.auditEvents)
      .values({ id: 'a2', jurisdictionId: 'j1', action: 'noop', entityType: 'user', entityId: 'u1', createdAt: new Date() })
      .returning();
    expect(withDefault?.data).toEqual({}); // JSON default
  });

  it('enforces foreign keys', async () => {
    const orphan = db().insert(pgSchema.sessions).values({ id: 's1', userId: 'nobody', expiresAt: new Date() });
    await expect(orphan).rejects.toMatchObject({ cause: { code: '23503' } });
  });
});
