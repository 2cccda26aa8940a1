import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { VerbContext } from '../context';

/** Whether the caller is on the duty roster now: only they are assigned by 一键启动 (server/contracts/staffing.ts). */
export async function isOnRoster({ ctx }: { ctx: VerbContext }): Promise<boolean> {
  const [row] = await ctx.db.select({ isOnDuty: users.isOnDuty }).from(users).where(eq(users.id, ctx.actor.id));
  return row?.isOnDuty ?? false;
}
