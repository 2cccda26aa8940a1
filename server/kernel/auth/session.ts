import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db';
import { preparedOn } from '../../../db/prepared';
import { sessions, users } from '../../../db/schema';
import { toActor, type Actor } from './actor';

export const SESSION_COOKIE = 'ed_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: DbOrTx, userId: string, ttlHours: number, now = new Date()) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await db.insert(sessions).values({ id: hashToken(token), userId, expiresAt, createdAt: now });
  return { token, expiresAt };
}

/** The active user behind a session cookie, or null when it is missing, expired or the user is disabled. */
export async function findSessionActor(db: DbOrTx, token: string | undefined, now = new Date()): Promise<Actor | null> {
  if (!token) return null;
  // Every request and socket connection runs this: prepared once (db/prepared.ts).
  const lookup = preparedOn(db, 'session-actor', (on) =>
    on
      .select({ user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.param(sql.placeholder('now'), sessions.expiresAt))))
      .limit(1)
      .prepare(),
  );
  const [row] = await lookup.execute({ id: hashToken(token), now });
  if (!row || !row.user.isActive) return null;
  return toActor(row.user);
}

export async function deleteSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}
