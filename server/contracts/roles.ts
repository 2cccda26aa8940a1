// PURE: who a user can be. The database column and the admin forms take this list.
export const USER_ROLES = ['duty_officer', 'field_staff', 'enterprise', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];
