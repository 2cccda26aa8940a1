import Database from 'better-sqlite3';

/** The e2e server's database (scripts/e2e-server.ts), read-only from the test process: WAL lets it read while the server writes. */
export const E2E_DATABASE = './data/e2e.db';

export function openE2eDatabase(writable = false) {
  return new Database(E2E_DATABASE, { readonly: !writable, fileMustExist: true });
}

/** Rows per table: a refused request must leave every count as it was. */
export function rowCounts(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name",
    )
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]));
}
