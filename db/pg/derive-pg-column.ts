import { is, SQL, type ColumnBuilderBaseConfig, type ColumnDataType } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  doublePrecision,
  integer,
  jsonb,
  numeric,
  text,
  timestamp,
  type PgColumn,
  type PgColumnBuilder,
} from 'drizzle-orm/pg-core';
import { SQLiteSyncDialect, type SQLiteColumn } from 'drizzle-orm/sqlite-core';

// One SQLite column → the equivalent PostgreSQL column builder. Foreign keys, indexes and
// composite keys are table-level and live in derive-pg-tables.ts.

type AnyPgColumnBuilder = PgColumnBuilder<ColumnBuilderBaseConfig<ColumnDataType, string>>;

// The PostgreSQL side of each SQLite column type, at the type level (mirrors pgColumnFor below).
interface PgColumnKinds {
  SQLiteText: { dataType: 'string'; columnType: 'PgText'; driverParam: string };
  SQLiteTextJson: { dataType: 'json'; columnType: 'PgJsonb'; driverParam: unknown };
  SQLiteBlobJson: { dataType: 'json'; columnType: 'PgJsonb'; driverParam: unknown };
  SQLiteTimestamp: { dataType: 'date'; columnType: 'PgTimestamp'; driverParam: string };
  SQLiteBoolean: { dataType: 'boolean'; columnType: 'PgBoolean'; driverParam: boolean };
  SQLiteInteger: { dataType: 'number'; columnType: 'PgInteger'; driverParam: number | string };
  SQLiteReal: { dataType: 'number'; columnType: 'PgDoublePrecision'; driverParam: string | number };
  SQLiteBlobBuffer: { dataType: 'custom'; columnType: 'PgCustomColumn'; driverParam: Buffer };
  SQLiteBigInt: { dataType: 'bigint'; columnType: 'PgBigInt64'; driverParam: string };
  SQLiteNumeric: { dataType: 'string'; columnType: 'PgNumeric'; driverParam: string };
  SQLiteNumericNumber: { dataType: 'number'; columnType: 'PgNumericNumber'; driverParam: string };
  SQLiteNumericBigInt: { dataType: 'bigint'; columnType: 'PgNumericBigInt'; driverParam: string };
}

type KindOf<C extends SQLiteColumn> = PgColumnKinds[C['_']['columnType'] & keyof PgColumnKinds];

/** The PostgreSQL column type derived from a SQLite column: same name, data type ($type), nullability and defaults. */
export type PgColumnFor<C extends SQLiteColumn> = PgColumn<{
  name: C['_']['name'];
  tableName: C['_']['tableName'];
  dataType: KindOf<C>['dataType'];
  columnType: KindOf<C>['columnType'];
  data: C['_']['data'];
  driverParam: KindOf<C>['driverParam'];
  notNull: C['_']['notNull'];
  hasDefault: C['_']['hasDefault'];
  isPrimaryKey: C['_']['isPrimaryKey'];
  isAutoincrement: false;
  hasRuntimeDefault: C['_']['hasRuntimeDefault'];
  enumValues: C['_']['enumValues'];
  baseColumn: never;
  identity: undefined;
  generated: undefined;
}>;

// drizzle 0.45 pg-core has no bytea builder.
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

const sqliteDialect = new SQLiteSyncDialect();

// SQLite SQL defaults we know the PostgreSQL spelling of, keyed by normalized SQL text.
// Epoch-now defaults only make sense on timestamp columns, where they become now().
const EPOCH_NOW_DEFAULTS = new Set([
  'unixepoch()*1000',
  'unixepoch()',
  'current_timestamp',
  "cast((julianday('now')-2440587.5)*86400000asinteger)",
]);

function normalizeSql(sqlText: string): string {
  let normalized = sqlText.replace(/\s+/g, '').toLowerCase();
  while (normalized.startsWith('(') && normalized.endsWith(')')) normalized = normalized.slice(1, -1);
  return normalized;
}

function fail(where: string, problem: string): never {
  throw new Error(`derivePgTables: ${where}: ${problem}. Add a mapping in db/pg/derive-pg-column.ts or change the SQLite schema.`);
}

function pgColumnFor(where: string, column: SQLiteColumn): AnyPgColumnBuilder {
  const name = column.name;
  const mode = (column as SQLiteColumn & { mode?: string }).mode;
  let builder: unknown;
  switch (column.columnType) {
    case 'SQLiteText':
      builder = text(name, { enum: column.enumValues as [string, ...string[]] | undefined });
      break;
    case 'SQLiteTextJson':
    case 'SQLiteBlobJson':
      builder = jsonb(name);
      break;
    case 'SQLiteTimestamp':
      // Match what SQLite stores (ms or s), so a value read back compares equal to the one written.
      builder = timestamp(name, { withTimezone: true, mode: 'date', precision: mode === 'timestamp' ? 0 : 3 });
      break;
    case 'SQLiteBoolean':
      builder = boolean(name);
      break;
    case 'SQLiteInteger':
      builder = integer(name);
      break;
    case 'SQLiteReal':
      builder = doublePrecision(name);
      break;
    case 'SQLiteBlobBuffer':
      builder = bytea(name);
      break;
    case 'SQLiteBigInt':
      builder = bigint(name, { mode: 'bigint' });
      break;
    case 'SQLiteNumeric':
      builder = numeric(name);
      break;
    case 'SQLiteNumericNumber':
      builder = numeric(name, { mode: 'number' });
      break;
    case 'SQLiteNumericBigInt':
      builder = numeric(name, { mode: 'bigint' });
      break;
    default:
      fail(where, `column type ${column.columnType} has no PostgreSQL mapping`);
  }
  return builder as AnyPgColumnBuilder;
}

function applyDefault(where: string, column: SQLiteColumn, builder: AnyPgColumnBuilder): AnyPgColumnBuilder {
  const value = column.default;
  if (value === undefined) return builder;
  if (!is(value, SQL)) return builder.default(value);
  const sqlText = sqliteDialect.sqlToQuery(value).sql;
  if (column.columnType === 'SQLiteTimestamp' && EPOCH_NOW_DEFAULTS.has(normalizeSql(sqlText))) {
    return (builder as unknown as ReturnType<typeof timestamp>).defaultNow() as unknown as AnyPgColumnBuilder;
  }
  return fail(where, `SQL default ${sqlText} cannot be translated to PostgreSQL`);
}

/** Builds the PostgreSQL column builder for one SQLite column. `tableName` is only used in error messages. */
export function derivePgColumn(tableName: string, column: SQLiteColumn): AnyPgColumnBuilder {
  const where = `${tableName}.${column.name}`;
  if (column.generated) fail(where, 'generated columns are not mapped');
  if (column.primary && column.columnType === 'SQLiteInteger') {
    // SQLite fills an INTEGER PRIMARY KEY from the rowid; PostgreSQL would need an identity column.
    fail(where, 'integer primary keys rely on the SQLite rowid');
  }

  let builder = pgColumnFor(where, column);
  if (column.primary) builder = builder.primaryKey();
  if (column.notNull && !column.primary) builder = builder.notNull();
  if (column.isUnique) builder = builder.unique(column.uniqueName);
  builder = applyDefault(where, column, builder);
  if (column.defaultFn) builder = builder.$defaultFn(column.defaultFn);
  if (column.onUpdateFn) builder = builder.$onUpdateFn(column.onUpdateFn);
  return builder;
}
