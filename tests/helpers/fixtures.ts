import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { openTestDatabase } from './test-database';
import { users } from '@/db/schema';
import { seedDemo } from '@/server/seed/seed';
import { toActor } from '@/server/kernel/auth/actor';
import { createContext } from '@/server/context';
import type { Emitter } from '@/server/push/emitter';

export type Sent = { kind: keyof Emitter; to: string | string[]; payload: unknown };

/** An emitter that records what would have been pushed, to check "save, then emit" per recipient. */
export function recordingEmitter(): Emitter & { sent: Sent[] } {
  const sent: Sent[] = [];
  return {
    sent,
    assignmentNew: async (userId, card) => {
      sent.push({ kind: 'assignmentNew', to: userId, payload: card });
      return false;
    },
    assignmentUpdated: (jurisdictionId, message) => sent.push({ kind: 'assignmentUpdated', to: jurisdictionId, payload: message }),
    incidentUpdated: (jurisdictionId, message) => sent.push({ kind: 'incidentUpdated', to: jurisdictionId, payload: message }),
    incidentLifted: (userIds, message) => sent.push({ kind: 'incidentLifted', to: userIds, payload: message }),
    incidentUpdatePosted: (userIds, message) => sent.push({ kind: 'incidentUpdatePosted', to: userIds, payload: message }),
    assignmentStoodDown: (userId, message) => sent.push({ kind: 'assignmentStoodDown', to: userId, payload: message }),
    mapPublished: (jurisdictionId, userIds, message) =>
      sent.push({ kind: 'mapPublished', to: [jurisdictionId, ...userIds], payload: message }),
    escalationRaised: (jurisdictionId, userIds, message) =>
      sent.push({ kind: 'escalationRaised', to: [jurisdictionId, ...userIds], payload: message }),
    reportUpdated: (jurisdictionId, message) => sent.push({ kind: 'reportUpdated', to: jurisdictionId, payload: message }),
    fieldReportAdded: (jurisdictionId, message) => sent.push({ kind: 'fieldReportAdded', to: jurisdictionId, payload: message }),
    materialsUpdated: (userIds, message) => sent.push({ kind: 'materialsUpdated', to: userIds, payload: message }),
  };
}

/** A fresh database with the demo district, per test (in memory; on a PostgreSQL run, its own database). */
export async function createSeededDb(options: { withOneMaps?: boolean; withHistory?: boolean } = {}) {
  const { db, close } = await openTestDatabase();
  // Drawing five site plans costs ~1 s; only tests about the one-map ask for them.
  const ids = await seedDemo(db, { withOneMaps: options.withOneMaps ?? false, withHistory: options.withHistory ?? false });
  const emitter = recordingEmitter();
  const ctxFor = async (username: string) => {
    const [user] = await db.select().from(users).where(eq(users.username, username));
    if (!user) throw new Error(`no demo user ${username}`);
    return createContext(toActor(user), { db, emitter });
  };
  return { db: db as Db, close, ids, emitter, ctxFor };
}

export const RIVER_POINT = { lat: 29.5873, lng: 106.3291 };
