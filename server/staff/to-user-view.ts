import type { User } from '../../db/schema';
import type { AdminUserView } from '../contracts/admin';

/** What the administration screens may see of a user: never the password hash. */
export function toUserView(user: User): AdminUserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    phone: user.phone,
    role: user.role,
    departmentId: user.departmentId,
    enterpriseId: user.enterpriseId,
    isActive: user.isActive,
    isOnDuty: user.isOnDuty,
    canSignOff: user.canSignOff,
  };
}
