// Fault test 6: `npm run db:backup` (scripts/db-backup.ts) run several times while a writer keeps
// triggering, acknowledging and lifting incidents on the same file. Every copy must pass
// PRAGMA integrity_check and hold a consistent snapshot: whole transactions or nothing.
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db';
import { assignments, plans, users } from '@/db/schema';
import { toActor } from '@/server/kernel/auth/actor';
import { createContext } from '@/server/context';
import { silentEmitter } from '@/server/push/silent-emitter';
import { acknowledgeAssignment, liftIncident, triggerIncident } from '@/server/dispatch';
import { createLoadFixture, type LoadFixture } from './support/load-fixture';

const STAFF = 50;
const BACKUPS = 4;

function runBackup(source: string, out: string) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/db-backup.ts', '--db', source, '--out', out], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** What a consistent copy looks like: each trigger, ack and lift is all there or not at all. */
function inspectCopy(file: string) {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const scalar = (sql: string) => (copy.prepare(sql).pluck().get() as number) ?? 0;
    return {
      integrity: copy.pragma('integrity_check', { simple: true }),
      foreignKeyViolations: (copy.pragma('foreign_key_check') as unknown[]).length,
      incidents: scalar('select count(*) from incidents'),
      // A trigger commits its incident with all N assignments and N+1 audit rows, or nothing.
      incidentsWithWrongCrew: scalar(
        `select count(*) from incidents i where (select count(*) from assignments a where a.incident_id = i.id) != ${STAFF}`,
      ),
      incidentsWithWrongAudit: scalar(
        `select count(*) from incidents i where (select count(*) from audit_events e where e.incident_id = i.id and e.action = 'assignment.sent') != ${STAFF}`,
      ),
      // A lift closes every card of the incident in the same transaction.
      halfLifted: scalar(
        `select count(*) from incidents i join assignments a on a.incident_id = i.id
         where (i.status = 'lifted') != (a.closed_at is not null)`,
      ),
      // An acknowledgement writes its status, its time and its audit row together.
      acksWithoutAudit: scalar(
        `select count(*) from assignments a where a.status = 'acknowledged' and (a.acknowledged_at is null or not exists
           (select 1 from audit_events e where e.entity_id = a.id and e.action = 'assignment.acknowledged'))`,
      ),
    };
  } finally {
    copy.close();
  }
}

describe('online backup while the database is being written', () => {
  let fixture: LoadFixture;
  let db: Db;
  let close: () => void;

  beforeAll(() => {
    fixture = createLoadFixture({ staff: STAFF });
    ({ db, close } = openDatabase(fixture.databaseFile));
  });
  afterAll(() => {
    close?.();
    fixture?.cleanup();
  });

  it('every copy passes integrity_check and holds whole transactions only', async () => {
    const [duty] = await db.select().from(users).where(eq(users.username, 'duty'));
    const [plan] = await db.select().from(plans).where(eq(plans.id, fixture.sessions.planId));
    const dutyCtx = createContext(toActor(duty!), { db, emitter: silentEmitter });
    const staff = await db.select().from(users).where(eq(users.role, 'field_staff'));
    const ctxByUser = new Map(staff.map((user) => [user.id, createContext(toActor(user), { db, emitter: silentEmitter })]));

    let isWriting = true;
    let committed = 0;
    const writer = (async () => {
      for (let round = 0; isWriting; round += 1) {
        const { incident } = await triggerIncident({
          ctx: dutyCtx,
          input: { planId: plan!.id, location: { lat: 29.58, lng: 106.33 }, description: `备份演练 ${round}` },
        });
        const open = await db
          .select()
          .from(assignments)
          .where(and(eq(assignments.incidentId, incident.id), isNull(assignments.closedAt)))
          .limit(5);
        for (const card of open) await acknowledgeAssignment({ ctx: ctxByUser.get(card.userId)!, input: { assignmentId: card.id } });
        // Every other incident stays open, so copies hold both lifted and active ones.
        if (round % 2 === 0) await liftIncident({ ctx: dutyCtx, input: { incidentId: incident.id, reason: '演练结束' } });
        committed += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    const copies = [];
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (let index = 0; index < BACKUPS; index += 1) {
        const out = path.join(fixture.dir, `copy-${index}.db`);
        const before = committed;
        const { code, output } = await runBackup(fixture.databaseFile, out);
        copies.push({ out, code, output, writesDuring: committed - before });
      }
    } finally {
      isWriting = false;
      await writer;
    }

    for (const copy of copies) {
      expect(copy.code, copy.output).toBe(0);
      expect(copy.output).toContain('integrity_check: ok');
      // The writer really was writing while this copy was taken.
      expect(copy.writesDuring).toBeGreaterThan(0);
      const seen = inspectCopy(copy.out);
      expect(seen).toEqual({
        integrity: 'ok',
        foreignKeyViolations: 0,
        incidents: seen.incidents,
        incidentsWithWrongCrew: 0,
        incidentsWithWrongAudit: 0,
        halfLifted: 0,
        acksWithoutAudit: 0,
      });
      expect(seen.incidents).toBeGreaterThan(0);
    }
    // Later copies saw later states.
    const counts = copies.map((copy) => inspectCopy(copy.out).incidents);
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
  });
});
