import { defineConfig } from 'drizzle-kit';

// PostgreSQL migrations, generated from the tables derived from db/schema.ts (db/pg/schema.ts).
// `generate` needs no database; DATABASE_URL is only read by commands that connect (migrate, studio).
const url = process.env.DATABASE_URL;

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/pg/schema.ts',
  out: './db/migrations-pg',
  ...(url?.startsWith('postgres') ? { dbCredentials: { url } } : {}),
});
