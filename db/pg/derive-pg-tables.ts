import { getTableColumns, is } from 'drizzle-orm';
import {
  foreignKey,
  index,
  pgTable,
  primaryKey,
  unique,
  uniqueIndex,
  type ExtraConfigColumn,
  type PgColumn,
  type PgTable,
  type PgTableExtraConfigValue,
  type PgTableWithColumns,
} from 'drizzle-orm/pg-core';
import { getTableConfig, SQLiteColumn, SQLiteTable, type UpdateDeleteAction } from 'drizzle-orm/sqlite-core';
import { derivePgColumn, type PgColumnFor } from './derive-pg-column';

// PostgreSQL tables are derived from the SQLite ones instead of written twice, so the two
// dialects cannot drift: same table, column, index and constraint names, same TypeScript types.

/** The PostgreSQL table type derived from a SQLite table: same name, same column keys, same row types. */
export type PgTableFor<T extends SQLiteTable> = PgTableWithColumns<{
  name: T['_']['name'];
  schema: undefined;
  columns: { [K in keyof T['_']['columns']]: PgColumnFor<T['_']['columns'][K]> };
  dialect: 'pg';
}>;

/** Keeps only the tables of a module's exports and maps each to its PostgreSQL twin. */
export type PgTablesFor<T> = {
  [K in keyof T as T[K] extends SQLiteTable ? K : never]: T[K] extends SQLiteTable ? PgTableFor<T[K]> : never;
};

type ExtraConfigColumns = Record<string, ExtraConfigColumn>;
type PgTablesByName = ReadonlyMap<string, PgTable>;

interface ForeignKeyPlan {
  name: string | undefined;
  columnNames: string[];
  foreignTableName: string;
  foreignColumnNames: string[];
  onDelete: UpdateDeleteAction;
  onUpdate: UpdateDeleteAction;
}

function fail(where: string, problem: string): never {
  throw new Error(`derivePgTables: ${where}: ${problem}. Add a mapping in db/pg/derive-pg-tables.ts or change the SQLite schema.`);
}

function columnNamesOf(where: string, columns: readonly unknown[]): string[] {
  return columns.map((column) => (is(column, SQLiteColumn) ? column.name : fail(where, 'SQL expressions are not mapped, only columns')));
}

function pickColumns(where: string, self: ExtraConfigColumns, keyByDbName: Map<string, string>, dbNames: string[]) {
  const picked = dbNames.map((dbName) => self[keyByDbName.get(dbName) ?? ''] ?? fail(where, `column ${dbName} not found`));
  return picked as [ExtraConfigColumn, ...ExtraConfigColumn[]];
}

function pgColumnByName(pgTables: PgTablesByName, tableName: string, columnName: string): PgColumn {
  const table = pgTables.get(tableName) ?? fail(tableName, 'referenced by a foreign key but not among the derived tables');
  const column = Object.values(getTableColumns(table)).find((candidate) => candidate.name === columnName);
  return column ?? fail(`${tableName}.${columnName}`, 'referenced by a foreign key but not found');
}

function planForeignKeys(sqliteTable: SQLiteTable): ForeignKeyPlan[] {
  return getTableConfig(sqliteTable).foreignKeys.map((foreignKeyConfig) => {
    const reference = foreignKeyConfig.reference();
    return {
      name: reference.name,
      columnNames: reference.columns.map((column) => column.name),
      foreignTableName: getTableConfig(reference.foreignTable).name,
      foreignColumnNames: reference.foreignColumns.map((column) => column.name),
      onDelete: foreignKeyConfig.onDelete ?? 'no action',
      onUpdate: foreignKeyConfig.onUpdate ?? 'no action',
    };
  });
}

// Everything that is not a column is read now (so unsupported features fail at import time),
// but built lazily: foreign keys may point at tables derived later, or at each other.
function derivePgTable(sqliteTable: SQLiteTable, pgTables: PgTablesByName): PgTable {
  const config = getTableConfig(sqliteTable);
  const tableName = config.name;
  const sqliteColumns = getTableColumns(sqliteTable);
  const keyByDbName = new Map(Object.entries(sqliteColumns).map(([key, column]) => [column.name, key]));

  if (config.checks.length > 0) fail(tableName, 'CHECK constraints are not mapped');
  const indexPlans = config.indexes.map(({ config: indexConfig }) => {
    const where = `${tableName} index ${indexConfig.name}`;
    if (indexConfig.where) fail(where, 'partial indexes (where) are not mapped');
    return { name: indexConfig.name, unique: indexConfig.unique, columnNames: columnNamesOf(where, indexConfig.columns) };
  });
  const primaryKeyPlans = config.primaryKeys.map((key) => ({ name: key.name, columnNames: key.columns.map((column) => column.name) }));
  const uniquePlans = config.uniqueConstraints.map((constraint) => ({
    name: constraint.name,
    columnNames: constraint.columns.map((column) => column.name),
  }));
  const foreignKeyPlans = planForeignKeys(sqliteTable);

  const pgColumns = Object.fromEntries(Object.entries(sqliteColumns).map(([key, column]) => [key, derivePgColumn(tableName, column)]));

  return pgTable(tableName, pgColumns, (self): PgTableExtraConfigValue[] => {
    const pick = (where: string, dbNames: string[]) => pickColumns(`${tableName} ${where}`, self, keyByDbName, dbNames);
    return [
      ...indexPlans.map((plan) => (plan.unique ? uniqueIndex : index)(plan.name).on(...pick(plan.name, plan.columnNames))),
      ...primaryKeyPlans.map((plan) => primaryKey({ name: plan.name, columns: pick('primary key', plan.columnNames) })),
      ...uniquePlans.map((plan) => unique(plan.name).on(...pick('unique', plan.columnNames))),
      ...foreignKeyPlans.map((plan) =>
        foreignKey({
          name: plan.name,
          columns: pick('foreign key', plan.columnNames),
          foreignColumns: plan.foreignColumnNames.map((name) => pgColumnByName(pgTables, plan.foreignTableName, name)) as [
            PgColumn,
            ...PgColumn[],
          ],
        })
          .onDelete(plan.onDelete)
          .onUpdate(plan.onUpdate),
      ),
    ];
  });
}

/**
 * Derives a PostgreSQL table for every SQLite table among `sqliteExports` (other exports, such
 * as enum value lists, are skipped). The result is keyed by the same export names.
 */
export function derivePgTables<T extends object>(sqliteExports: T): PgTablesFor<T> {
  const pgTablesByName = new Map<string, PgTable>();
  const derived: Record<string, PgTable> = {};
  const foreignTableNames: { from: string; to: string }[] = [];

  for (const [exportName, value] of Object.entries(sqliteExports)) {
    if (!is(value, SQLiteTable)) continue;
    const tableName = getTableConfig(value).name;
    if (pgTablesByName.has(tableName)) fail(tableName, `exported twice (again as ${exportName})`);
    const pgTableForValue = derivePgTable(value, pgTablesByName);
    pgTablesByName.set(tableName, pgTableForValue);
    derived[exportName] = pgTableForValue;
    foreignTableNames.push(...planForeignKeys(value).map((plan) => ({ from: tableName, to: plan.foreignTableName })));
  }

  // Foreign keys resolve lazily; check now that every target was derived too.
  for (const { from, to } of foreignTableNames) {
    if (!pgTablesByName.has(to)) fail(from, `has a foreign key to ${to}, which is not among the exported tables`);
  }
  return derived as PgTablesFor<T>;
}
