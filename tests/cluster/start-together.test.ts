// Several nodes started at the same moment on one empty PostgreSQL database, each with the default
// SEED_DEMO=1: one migrates and seeds under the start-up advisory lock, the others wait and find
// the work done. Without the lock both seeded, and one failed on a duplicate username.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startServerProcess, type ServerProcess } from '../fault/support/server-process';
import { createDatabase, startPostgres, type PostgresServer } from '../support/postgres-server';

describe('nodes starting together on an empty database', () => {
  let postgres: PostgresServer | undefined;
  const nodes: ServerProcess[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ecodispatch-start-'));
  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.stop()));
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrate and seed it once, and all of them serve', async () => {
    postgres = await startPostgres();
    const databaseUrl = await createDatabase(postgres.url, 'ecodispatch');
    const ports = await Promise.all([freePort(), freePort()]);
    nodes.push(
      ...(await Promise.all(
        ports.map((port) => startServerProcess({ databaseUrl, port, uploadDir: path.join(dir, 'uploads'), extraEnv: { SEED_DEMO: '1' } })),
      )),
    );

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ jurisdictions: number; duty: number }>(
        "SELECT (SELECT count(*)::int FROM jurisdictions) AS jurisdictions, (SELECT count(*)::int FROM users WHERE username = 'duty') AS duty",
      );
      expect(rows[0]).toEqual({ jurisdictions: 1, duty: 1 });
    } finally {
      await client.end();
    }
    for (const node of nodes) {
      const login = await fetch(`${node.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: node.url },
        body: JSON.stringify({ username: 'duty', password: 'ecodispatch' }),
      });
      expect(login.status).toBe(200);
    }
  });
});
