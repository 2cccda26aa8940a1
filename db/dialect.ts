// Which database a DATABASE_URL names: `file:…` is SQLite (the embedded default), `postgres://…`
// or `postgresql://…` is PostgreSQL (several app nodes, docs/operations.md).
export type Dialect = 'sqlite' | 'postgres';

export const isPostgresUrl = (url: string | undefined): boolean => /^postgres(ql)?:\/\//.test(url ?? '');

/** The file a SQLite DATABASE_URL names (`file:` is optional). */
export const sqlitePath = (url: string): string => url.replace(/^file:/, '');

export const dialectOf = (url: string | undefined): Dialect => (isPostgresUrl(url) ? 'postgres' : 'sqlite');
