import type { User, UserRole } from '../../../db/schema';
import { forbidden } from '../errors';

/** Who is calling a verb. Every verb checks this itself; route protection is only a convenience. */
export type Actor = {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  jurisdictionId: string;
  departmentId: string | null;
  enterpriseId: string | null;
};

export function toActor(user: User): Actor {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    jurisdictionId: user.jurisdictionId,
    departmentId: user.departmentId,
    enterpriseId: user.enterpriseId,
  };
}

export function requireRole(actor: Actor, ...roles: UserRole[]): void {
  if (!roles.includes(actor.role)) throw forbidden();
}

export const isCommand = (actor: Actor) => actor.role === 'duty_officer' || actor.role === 'admin';
