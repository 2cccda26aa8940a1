// `npm run seed:load -- --db ./data/load.db --staff 10000 [--officers 20] [--sessions load-sessions.json] [--force]`
// `--db postgres://…/ecodispatch_load`: the same on PostgreSQL, into an EMPTY database (or, with
// --force, one this script made before, which it then wipes); it is marked by a comment on the database.
// A FRESH database for load and fault runs: the demo district plus N on-duty synthetic field staff
// (load-00001…), one plan whose single role needs all N and pre-assigns them, and one ordinary
// session per user minted straight into the sessions table, so clients need no login (and no
// bcrypt per user). Nothing in the server knows about this: a normal start on the normal database
// has no such users and no such sessions. `--officers N` adds N synthetic duty officers
// (load-duty-01…) with sessions of their own, for benchmarks of concurrent command staff. The file is marked (PRAGMA application_id "LOAD") and
// the jurisdiction is named as a load test, and this script rewrites only files carrying that mark.
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { isPostgresUrl } from '../db/dialect';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: './data/load.db' },
    staff: { type: 'string', default: '1000' },
    officers: { type: 'string', default: '0' },
    sessions: { type: 'string' },
    force: { type: 'boolean', default: false },
    'ttl-hours': { type: 'string', default: '24' },
    // Fault tests want no escalation (backups would add cards); load runs may want the real policy.
    'no-escalation': { type: 'boolean', default: false },
  },
  strict: true,
});

const isPostgres = isPostgresUrl(args.db);
const file = isPostgres ? args.db : path.resolve(args.db);
// Before the modules below load: db/schema.ts picks the dialect's tables from DATABASE_URL.
if (isPostgres) process.env.DATABASE_URL = args.db;
const { LOAD_DATABASE_APPLICATION_ID, connectPostgres, migratePostgres, openDatabase } = await import('../db');
const { jurisdictions, planRoleMembers, planRoles, plans, users } = await import('../db/schema');
const { seedDemo } = await import('../server/seed/seed');
const { withTransaction } = await import('../db/transaction');
const { createSession, SESSION_COOKIE } = await import('../server/kernel/auth/session');
const staffCount = Number(args.staff);
const officerCount = Number(args.officers);
const ttlHours = Number(args['ttl-hours']);
function fail(message: string): never {
  console.error(`[seed:load] ${message}`);
  process.exit(1);
}
if (!Number.isInteger(staffCount) || staffCount < 1 || staffCount > 100_000) fail('--staff must be an integer 1…100000');
if (!Number.isInteger(officerCount) || officerCount < 0 || officerCount > 1_000) fail('--officers must be an integer 0…1000');
if (!Number.isFinite(ttlHours) || ttlHours <= 0) fail('--ttl-hours must be positive');

// A shared value that is not a bcrypt hash: every password check against it fails, and it costs
// nothing to write N times. Synthetic users can only ever use the minted sessions.
const UNUSABLE_PASSWORD_HASH = '!load-test-user:no-password';
const BATCH = 500;

function isLoadDatabase(target: string): boolean {
  const existing = new Database(target, { readonly: true, fileMustExist: true });
  try {
    return existing.pragma('application_id', { simple: true }) === LOAD_DATABASE_APPLICATION_ID;
  } finally {
    existing.close();
  }
}

const LOAD_COMMENT = 'ecodispatch LOAD TEST database (npm run seed:load): synthetic users with minted sessions';

/** PostgreSQL: only an empty database, or one this script marked (wiped with --force). */
async function preparePostgres(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tables: string; comment: string | null }>(
      `SELECT (SELECT count(*) FROM pg_tables WHERE schemaname IN ('public', 'drizzle')) AS tables,
              shobj_description(oid, 'pg_database') AS comment
         FROM pg_database WHERE datname = current_database()`,
    );
    const { tables, comment } = rows[0]!;
    if (Number(tables) > 0) {
      if (!args.force) fail(`${url} is not empty; pass --force to replace it (only a database made by seed:load)`);
      if (comment !== LOAD_COMMENT) fail(`${url} is not a load database (no seed:load mark); refusing to touch it`);
      await client.query('DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    }
    // Marked before anything else is written, so even a half-seeded database is recognisable.
    const name = (await client.query<{ name: string }>('SELECT current_database() AS name')).rows[0]!.name;
    await client.query(`COMMENT ON DATABASE ${client.escapeIdentifier(name)} IS ${client.escapeLiteral(LOAD_COMMENT)}`);
  } finally {
    await client.end();
  }
  await migratePostgres(url);
  return connectPostgres(url, 4);
}

function prepareSqlite(target: string) {
  if (existsSync(target)) {
    if (!args.force) fail(`${target} exists; pass --force to replace it (only a database made by seed:load)`);
    if (!isLoadDatabase(target)) fail(`${target} is not a load database (no seed:load mark); refusing to touch it`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  }
  // Marked before anything else is written, so even a half-seeded file is recognisable.
  const marker = new Database(target);
  marker.pragma(`application_id = ${LOAD_DATABASE_APPLICATION_ID}`);
  marker.close();
  const { db, close } = openDatabase(target);
  return { db, close: async () => close() };
}

const started = performance.now();
const { db, close } = isPostgres ? await preparePostgres(file) : prepareSqlite(file);
const ids = await seedDemo(db, { withOneMaps: false, withHistory: false });
const environmentId = ids.departmentIds.get('env')!;
const width = Math.max(5, String(staffCount).length);
const staff = Array.from({ length: staffCount }, (_, index) => ({
  id: randomUUID(),
  username: `load-${String(index + 1).padStart(width, '0')}`,
}));
const officers = Array.from({ length: officerCount }, (_, index) => ({
  id: randomUUID(),
  username: `load-duty-${String(index + 1).padStart(2, '0')}`,
}));
const planId = randomUUID();
const roleId = randomUUID();

const minted = await withTransaction(db, async (tx) => {
  await tx
    .update(jurisdictions)
    .set({ name: '【负载测试】重庆高新区', nameEn: '[LOAD TEST] Chongqing Hi-Tech Zone' })
    .where(eq(jurisdictions.id, ids.jurisdictionId));
  const now = new Date();
  for (let start = 0; start < staff.length; start += BATCH) {
    await tx.insert(users).values(
      staff.slice(start, start + BATCH).map((person, offset) => ({
        id: person.id,
        jurisdictionId: ids.jurisdictionId,
        username: person.username,
        passwordHash: UNUSABLE_PASSWORD_HASH,
        displayName: `负载 ${String(start + offset + 1).padStart(width, '0')}`,
        role: 'field_staff' as const,
        departmentId: environmentId,
        isOnDuty: true,
        dutyChangedAt: now,
      })),
    );
  }
  if (officers.length) {
    await tx.insert(users).values(
      officers.map((officer, index) => ({
        id: officer.id,
        jurisdictionId: ids.jurisdictionId,
        username: officer.username,
        passwordHash: UNUSABLE_PASSWORD_HASH,
        displayName: `负载值班员 ${String(index + 1).padStart(2, '0')}`,
        role: 'duty_officer' as const,
        isOnDuty: true,
        dutyChangedAt: now,
      })),
    );
  }
  await tx.insert(plans).values({
    id: planId,
    jurisdictionId: ids.jurisdictionId,
    name: '负载测试：全员集合',
    incidentType: 'water_oil',
    description: 'Synthetic plan for load and fault tests (npm run seed:load).',
  });
  await tx.insert(planRoles).values({
    id: roleId,
    planId,
    departmentId: environmentId,
    name: '全员集合',
    instructions: '到集合点报到，听从现场指挥。',
    materials: '对讲机\n防护手套',
    targetLabel: '事发地点',
    requiredCount: staffCount,
    ...(args['no-escalation'] ? { escalationSteps: [] } : {}),
  });
  for (let start = 0; start < staff.length; start += BATCH) {
    await tx
      .insert(planRoleMembers)
      .values(
        staff.slice(start, start + BATCH).map((person, offset) => ({ planRoleId: roleId, userId: person.id, priority: start + offset })),
      );
  }
  // Ordinary sessions (the same rows a login writes): the cookie works against THIS database only.
  const withSession = [
    ...['duty', 'duty2', 'admin'].map((username) => ({ id: ids.userIds.get(username)!, username })),
    ...officers,
    ...staff,
  ];
  const sessions = [];
  for (const person of withSession) {
    const { token, expiresAt } = await createSession(tx, person.id, ttlHours, now);
    sessions.push({ username: person.username, userId: person.id, cookie: `${SESSION_COOKIE}=${token}`, expiresAt });
  }
  return sessions;
});
await close();

if (args.sessions) {
  const command = minted.slice(0, 3);
  const officerSessions = minted.slice(3, 3 + officers.length);
  const field = minted.slice(3 + officers.length);
  const body = {
    kind: 'ecodispatch-load-sessions',
    database: file,
    jurisdictionId: ids.jurisdictionId,
    planId,
    planRoleId: roleId,
    expiresAt: minted[0]!.expiresAt.toISOString(),
    command: command.map(({ username, userId, cookie }) => ({ username, userId, cookie })),
    officers: officerSessions.map(({ username, userId, cookie }) => ({ username, userId, cookie })),
    staff: field.map(({ username, userId, cookie }) => ({ username, userId, cookie })),
  };
  // Live credentials for the load database: readable by the owner only.
  writeFileSync(path.resolve(args.sessions), `${JSON.stringify(body)}\n`, { mode: 0o600 });
}
console.log(
  `[seed:load] ${file}: ${staffCount} on-duty field staff, ${officerCount} extra duty officers, plan ${planId}, ${minted.length} sessions` +
    `${args.sessions ? ` -> ${path.resolve(args.sessions)}` : ''} (${Math.round(performance.now() - started)} ms)`,
);
