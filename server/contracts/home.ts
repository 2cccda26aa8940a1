// PURE: where each role lands after signing in.
export const HOME_BY_ROLE = {
  duty_officer: '/dashboard',
  admin: '/dashboard',
  field_staff: '/field',
  enterprise: '/enterprise',
} as const satisfies Record<'duty_officer' | 'admin' | 'field_staff' | 'enterprise', string>;
