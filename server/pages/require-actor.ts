import { redirect } from 'next/navigation';
import type { UserRole } from '../../db/schema';
import type { Actor } from '../kernel/auth/actor';
import { createContext, type VerbContext } from '../context';
import { HOME_BY_ROLE } from '../contracts/home';
import { currentActor } from '../http/respond';

/**
 * For server components: the signed-in caller with one of `roles`, else a redirect
 * (to /login, or to the caller's own home). Verbs still check permission themselves.
 */
export async function requirePageActor(...roles: UserRole[]): Promise<{ actor: Actor; ctx: VerbContext }> {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  if (roles.length > 0 && !roles.includes(actor.role)) redirect(HOME_BY_ROLE[actor.role]);
  return { actor, ctx: createContext(actor) };
}
