// `npm run seed:load -- --db ./data/load.db --staff 10000 [--officers 20] [--sessions load-sessions.json] [--force]`
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
import { LOAD_DATABASE_APPLICATION_ID, openDatabase } from '../db';
import { jurisdictions, planRoleMembers, planRoles, plans, users } from '../db/schema';
import { seedDemo } from '../db/seed';
import { withTransaction } from '../db/transaction';
import { createSession, SESSION_COOKIE } from '../server/auth/session';

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

const file = path.resolve(args.db);
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

if (existsSync(file)) {
  if (!args.force) fail(`${file} exists; pass --force to replace it (only a database made by seed:load)`);
  if (!isLoadDatabase(file)) fail(`${file} is not a load database (no seed:load mark); refusing to touch it`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

// Marked before anything else is written, so even a half-seeded file is recognisable.
const marker = new Database(file);
marker.pragma(`application_id = ${LOAD_DATABASE_APPLICATION_ID}`);
marker.close();

const started = performance.now();
const { db, close } = openDatabase(file);
const ids = await seedDemo(db, { withOneMaps: false });
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
close();

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
