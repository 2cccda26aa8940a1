import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: { name: 'realtime', include: ['tests/realtime/**/*.test.ts'], environment: 'node', testTimeout: 20_000 },
      },
      // The same unit and real-time suites again on PostgreSQL: one throwaway server, a database
      // per test copied from a migrated template (tests/support/postgres-global-setup.ts).
      {
        extends: true,
        test: {
          name: 'unit-pg',
          include: ['tests/unit/**/*.test.ts'],
          // SQLite's own machinery (group commit) and the schema comparison, which already starts PostgreSQL.
          exclude: ['tests/unit/transaction-group.test.ts', 'tests/unit/pg-schema.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          setupFiles: ['tests/support/postgres-env.ts'],
          env: { TEST_EXPECT_DIALECT: 'postgres' },
          testTimeout: 20_000,
          // Seeding the one-maps (sharp re-encodes the plans) into a PostgreSQL copy took over the
          // default 10 s on a loaded machine.
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'realtime-pg',
          include: ['tests/realtime/**/*.test.ts'],
          // The fuzzer counts every table's rows after each payload: SQLite's own catalog, and the
          // verbs under test are the same on both databases.
          exclude: ['tests/realtime/socket-fuzz.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          setupFiles: ['tests/support/postgres-env.ts'],
          testTimeout: 20_000,
        },
      },
      {
        // Real production server as a child process, killed and restarted; hundreds of phones.
        // One file at a time: each one loads the two cores on its own. docs/testing.md.
        extends: true,
        test: {
          name: 'fault',
          include: ['tests/fault/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/fault/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Several production servers as child processes, a Redis server between them, a balancer
        // in front (docs/operations.md, "Several nodes"). Needs redis-server; uses the Next build.
        extends: true,
        test: {
          name: 'cluster',
          include: ['tests/cluster/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/fault/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
