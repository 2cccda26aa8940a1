import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db';
import { users } from '../../../db/schema';
import { withTransaction } from '../../../db/transaction';
import { recordAudit } from '../audit/record-audit';
import { unauthenticated } from '../errors';
import { toActor } from './actor';
import { TIMING_DUMMY_HASH, verifyPassword } from './password';
import { createSession } from './session';

export const loginInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

/** Checks a username and password and opens a session. Wrong name and wrong password look the same. */
export async function login({ db, input, ttlHours }: { db: Db; input: z.infer<typeof loginInput>; ttlHours: number }) {
  const [user] = await db.select().from(users).where(eq(users.username, input.username)).limit(1);
  const isValid = await verifyPassword(input.password, user?.passwordHash ?? TIMING_DUMMY_HASH);
  if (!user || !isValid || !user.isActive) throw unauthenticated('invalidCredentials');

  const session = await withTransaction(db, async (tx) => {
    const created = await createSession(tx, user.id, ttlHours);
    await recordAudit(tx, {
      jurisdictionId: user.jurisdictionId,
      actorId: user.id,
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
    });
    return created;
  });
  return { ...session, actor: toActor(user) };
}
