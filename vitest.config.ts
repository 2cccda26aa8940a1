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
