import type { VerbContext } from '../context';
import type { RoleCard } from '../contracts/dispatch';
import { loadRoleCards } from './views';

/** Every open role card of the caller, read from the database: the truth after a reload or reconnect. */
export async function listMyAssignments({ ctx }: { ctx: VerbContext }): Promise<RoleCard[]> {
  return loadRoleCards(ctx.db, { openForUserId: ctx.actor.id });
}
