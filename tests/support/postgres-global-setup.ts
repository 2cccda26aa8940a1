import type { TestProject } from 'vitest/node';
import { migratePostgres } from '@/db';
import { createDatabase, startPostgres } from './postgres-server';

// For the test projects that run on PostgreSQL (vitest.config.ts, "*-pg"): one throwaway server
// per run and a migrated template database; each test copies the template into a database of its
// own (tests/helpers/test-database.ts), as the SQLite runs open a fresh :memory: one.
// The addresses go to the workers through provide/inject (tests/support/postgres-env.ts), not
// through this process's environment, which the SQLite projects' workers would inherit too.
export const TEMPLATE_DATABASE = 'ecodispatch_template';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { serverUrl: string; templateUrl: string };
  }
}

export default async function setup(project: TestProject) {
  const server = await startPostgres();
  const templateUrl = await createDatabase(server.url, TEMPLATE_DATABASE);
  await migratePostgres(templateUrl);
  project.provide('postgres', { serverUrl: server.url, templateUrl });
  return () => server.stop();
}
