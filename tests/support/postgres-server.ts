import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../fault/support/server-process';

// A throwaway PostgreSQL server for tests, from the distribution's binaries (Debian: package
// `postgresql`, /usr/lib/postgresql/<version>/bin). Durability is off: the data dies with the test.

const run = promisify(execFile);
const DEBIAN_ROOT = '/usr/lib/postgresql';

export type PostgresServer = {
  /** Superuser URL of the `postgres` database, e.g. postgres://postgres@127.0.0.1:54321/postgres. */
  url: string;
  stop(): Promise<void>;
};

type RunAs = { uid: number; gid: number } | undefined;

/** POSTGRES_BIN_DIR, else the highest version under /usr/lib/postgresql/<version>/bin. */
function findBinDir(): string {
  const override = process.env.POSTGRES_BIN_DIR;
  const candidates = override
    ? [override]
    : (existsSync(DEBIAN_ROOT) ? readdirSync(DEBIAN_ROOT) : [])
        .filter((version) => /^\d+$/.test(version))
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => path.join(DEBIAN_ROOT, version, 'bin'));
  const found = candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')));
  if (found) return found;
  throw new Error(
    `PostgreSQL server binaries (initdb, pg_ctl) not found in ${override ?? `${DEBIAN_ROOT}/*/bin`}. ` +
      'Install them (Debian/Ubuntu: apt-get install postgresql) or set POSTGRES_BIN_DIR.',
  );
}

// initdb and postgres refuse to run as root, so as root they run as `postgres` (or `nobody`).
function unprivilegedUser(): RunAs {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'));
  for (const name of ['postgres', 'nobody']) {
    const entry = passwd.find((fields) => fields[0] === name);
    if (entry) return { uid: Number(entry[2]), gid: Number(entry[3]) };
  }
  throw new Error('Running as root and no `postgres` or `nobody` user to run PostgreSQL as.');
}

function logTail(logFile: string): string {
  return existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n') : '(no log)';
}

/**
 * Starts a fresh server (initdb + pg_ctl start) on a free loopback port. Takes a few seconds.
 * `settings`: extra server settings (`-c name=value`), e.g. a benchmark's pg_stat_statements.
 */
export async function startPostgres({ settings }: { settings?: Record<string, string> } = {}): Promise<PostgresServer> {
  const binDir = findBinDir();
  const runAs = unprivilegedUser();
  const baseDir = mkdtempSync(path.join(os.tmpdir(), 'ecodispatch-pg-'));
  if (runAs) chownSync(baseDir, runAs.uid, runAs.gid);
  const dataDir = path.join(baseDir, 'data');
  const logFile = path.join(baseDir, 'postgres.log');
  // Only our own settings: a developer's PGDATA/PGPORT/PGHOST must not steer the throwaway server.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PG'))) as NodeJS.ProcessEnv;
  const options = { cwd: baseDir, env, ...runAs };
  const pgCtl = path.join(binDir, 'pg_ctl');
  const stopSync = () => execFileSync(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], { ...options, stdio: 'ignore' });

  try {
    // C locale: byte-order text comparison, like SQLite's default BINARY collation.
    await run(
      path.join(binDir, 'initdb'),
      ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'],
      options,
    );
    let port = 0;
    // The free port may be taken between probing and binding; try a few.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const extra = Object.entries(settings ?? {}).map(([name, value]) => ` -c ${name}=${value}`);
      const serverOptions = `-F -k ${baseDir} -h 127.0.0.1 -p ${port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off${extra.join('')}`;
      try {
        await run(pgCtl, ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', serverOptions, 'start'], options);
        break;
      } catch (error) {
        if (attempt >= 3) throw new Error(`pg_ctl start failed: ${(error as Error).message}\n${logTail(logFile)}`);
      }
    }

    // Whatever happens to the test (failure, worker torn down), the server does not outlive it.
    process.once('exit', stopSync);
    let stopped = false;
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      async stop() {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', stopSync);
        await run(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], options);
        rmSync(baseDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    try {
      stopSync(); // in case a start timed out half-way
    } catch {
      // not running: nothing to stop
    }
    rmSync(baseDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Creates database `name` on the server of `serverUrl` and returns its URL. With `template`, it
 * is a copy of that database (e.g. one already migrated), which is much faster than migrating
 * again. PostgreSQL refuses to copy a database that has open connections: close them first.
 */
export async function createDatabase(serverUrl: string, name: string, options: { template?: string } = {}): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const template = options.template ? ` TEMPLATE ${client.escapeIdentifier(options.template)}` : '';
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${template}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}
