// PURE module: the administration forms' zod schemas, shared by the verbs and the client forms.
// Every custom issue message is a key under `errors.` in messages/*/errors.json, so the same
// rule yields the same localized text in the browser and in an API error.
import { z } from 'zod';
import { DEFAULT_ACK_TIMEOUT, ESCALATION_STEPS, MAX_ACK_TIMEOUT, MIN_ACK_TIMEOUT, normalizeSteps } from './escalation';
import { USER_ROLES, type UserRole } from './roles';
import { MAX_TARGET_SECONDS, MIN_TARGET_SECONDS } from './drill-targets';

export const ADMIN_ERROR_KEYS = [
  'fieldRequired',
  'fieldTooLong',
  'codeFormat',
  'usernameFormat',
  'passwordTooShort',
  'phoneFormat',
  'roleRequired',
  'selectionInvalid',
  'incidentTypeFormat',
  'latitudeRange',
  'longitudeRange',
  'coordinatesPair',
  'requiredCountRange',
  'planRolesRequired',
  'tooManyRoles',
  'tooManyMembers',
  'duplicateMember',
  'ackTimeoutRange',
  'escalationStepsInvalid',
] as const;
export type AdminErrorKey = (typeof ADMIN_ERROR_KEYS)[number];
export const isAdminErrorKey = (value: string): value is AdminErrorKey => (ADMIN_ERROR_KEYS as readonly string[]).includes(value);

/** Every role is managed in the admin pages. */
export const MANAGED_ROLES = USER_ROLES;
export type ManagedRole = UserRole;

/** Incident types with a label in common.json; a plan may use another code, shown as is. */
export const KNOWN_INCIDENT_TYPES = ['water_oil', 'chemical_leak', 'air_pollution'] as const;

export const MAX_REQUIRED_COUNT = 20;
export const MAX_PLAN_ROLES = 30;
export const MIN_PASSWORD_LENGTH = 8;

const text = (max: number) => z.string({ error: 'fieldRequired' }).trim().min(1, 'fieldRequired').max(max, 'fieldTooLong');
const optionalText = (max: number) => z.string({ error: 'fieldRequired' }).trim().max(max, 'fieldTooLong').default('');
const id = z.string({ error: 'selectionInvalid' }).uuid('selectionInvalid');
const optionalId = id.nullish().transform((value) => value ?? null);

export const departmentFields = z.object({
  code: z
    .string({ error: 'fieldRequired' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9_-]{1,31}$/, 'codeFormat'),
  name: text(40),
  nameEn: text(80),
});
export type DepartmentFields = z.input<typeof departmentFields>;
/** `supervisorId`: null clears it; left out, it stays as it is. */
export const updateDepartmentInput = departmentFields.extend({ departmentId: id, supervisorId: id.nullable().optional() });
export type UpdateDepartmentFields = z.input<typeof updateDepartmentInput>;
export const departmentRef = z.object({ departmentId: id });

const password = z.string({ error: 'passwordTooShort' }).min(MIN_PASSWORD_LENGTH, 'passwordTooShort').max(128, 'fieldTooLong');

const userFields = z.object({
  displayName: text(40),
  phone: optionalText(20).refine((value) => value === '' || /^\+?[0-9][0-9 -]{4,19}$/.test(value), 'phoneFormat'),
  role: z.enum(MANAGED_ROLES, { error: 'roleRequired' }),
  departmentId: optionalId,
  enterpriseId: optionalId,
  /** 签发权: may sign off statutory reports (duty officers and admins only). Left out on an edit, it stays. */
  canSignOff: z.boolean({ error: 'fieldRequired' }).optional(),
});

/** Only command-room accounts may hold 签发权; field staff and enterprises never do. */
export const canHoldSignOff = (role: string) => role === 'duty_officer' || role === 'admin';

export const createUserInput = userFields.extend({
  username: z
    .string({ error: 'fieldRequired' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, 'usernameFormat'),
  password,
});
export type CreateUserFields = z.input<typeof createUserInput>;

export const updateUserInput = userFields.extend({
  userId: id,
  isActive: z.boolean({ error: 'fieldRequired' }),
  // Empty means "keep the current password".
  password: z
    .string()
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(password.optional()),
});
export type UpdateUserFields = z.input<typeof updateUserInput>;

export const setOnDutyInput = z.object({ userId: id, isOnDuty: z.boolean({ error: 'fieldRequired' }) });

const latitude = z.number({ error: 'latitudeRange' }).min(-90, 'latitudeRange').max(90, 'latitudeRange');
const longitude = z.number({ error: 'longitudeRange' }).min(-180, 'longitudeRange').max(180, 'longitudeRange');

export const planRoleInput = z
  .object({
    // Present when editing an existing role, so its id (and the history pointing at it) survives.
    id: id.optional(),
    departmentId: id,
    name: text(60),
    instructions: text(1000),
    materials: z
      .array(z.string().trim().max(100, 'fieldTooLong'), { error: 'fieldRequired' })
      .max(50, 'fieldTooLong')
      .default([])
      .transform((lines) => lines.filter((line) => line.length > 0)),
    targetLabel: text(100),
    targetLat: latitude.nullish().transform((value) => value ?? null),
    targetLng: longitude.nullish().transform((value) => value ?? null),
    requiredCount: z
      .number({ error: 'requiredCountRange' })
      .int('requiredCountRange')
      .min(1, 'requiredCountRange')
      .max(MAX_REQUIRED_COUNT, 'requiredCountRange'),
    memberIds: z
      .array(id)
      .max(MAX_REQUIRED_COUNT * 2, 'tooManyMembers')
      .default([])
      .refine((ids) => new Set(ids).size === ids.length, 'duplicateMember'),
    // Escalation policy (docs/escalation.md): the wait for 收到 before each step, and which steps run.
    ackTimeoutSeconds: z
      .number({ error: 'ackTimeoutRange' })
      .int('ackTimeoutRange')
      .min(MIN_ACK_TIMEOUT, 'ackTimeoutRange')
      .max(MAX_ACK_TIMEOUT, 'ackTimeoutRange')
      .default(DEFAULT_ACK_TIMEOUT),
    escalationSteps: z
      .array(z.enum(ESCALATION_STEPS, { error: 'escalationStepsInvalid' }), { error: 'escalationStepsInvalid' })
      .max(ESCALATION_STEPS.length, 'escalationStepsInvalid')
      .refine((steps) => new Set(steps).size === steps.length, 'escalationStepsInvalid')
      .default([...ESCALATION_STEPS])
      .transform(normalizeSteps),
    // 拍照取证: the role cannot be marked done before its holder sent a field report with a photo.
    requiresPhoto: z.boolean({ error: 'fieldRequired' }).default(false),
  })
  .refine((role) => (role.targetLat === null) === (role.targetLng === null), { message: 'coordinatesPair', path: ['targetLat'] });
export type PlanRoleFields = z.input<typeof planRoleInput>;

const targetSeconds = z
  .number({ error: 'drillTargetRange' })
  .int('drillTargetRange')
  .multipleOf(60, 'drillTargetRange')
  .min(MIN_TARGET_SECONDS, 'drillTargetRange')
  .max(MAX_TARGET_SECONDS, 'drillTargetRange');
/** A plan's drill targets (plans.targets), in seconds; absent leaves them as they are (the defaults for a new plan). */
export const drillTargetsInput = z
  .object(
    {
      everyoneAcknowledgedSeconds: targetSeconds,
      firstOnSceneSeconds: targetSeconds,
      allRolesOnSceneSeconds: targetSeconds,
      initialReportSignedSeconds: targetSeconds,
    },
    { error: 'drillTargetRange' },
  )
  .strict();

export const planFields = z.object({
  name: text(80),
  incidentType: z
    .string({ error: 'fieldRequired' })
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'incidentTypeFormat'),
  description: optionalText(1000),
  roles: z.array(planRoleInput, { error: 'planRolesRequired' }).min(1, 'planRolesRequired').max(MAX_PLAN_ROLES, 'tooManyRoles'),
  targets: drillTargetsInput.optional(),
});
export type PlanFields = z.input<typeof planFields>;
export const updatePlanInput = planFields.extend({ planId: id });
export const setPlanActiveInput = z.object({ planId: id, isActive: z.boolean({ error: 'fieldRequired' }) });
export const planRef = z.object({ planId: id });

/** The first problem per field path ("roles.2.name"), as an errors.* key, for showing beside each control. */
export function fieldIssues(schema: z.ZodType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const issues: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.') || 'form';
    issues[path] ??= isAdminErrorKey(issue.message) ? issue.message : 'invalid_input';
  }
  return issues;
}

/** Materials are edited as one item per line. */
export const linesOf = (value: string) =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export type DepartmentView = {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  userCount: number;
  roleCount: number;
  /** The 科室负责人 escalation reaches, and who may be chosen: the department's active field staff. */
  supervisorId: string | null;
  staff: OptionView[];
};
export type AdminUserView = {
  id: string;
  username: string;
  displayName: string;
  phone: string;
  role: ManagedRole;
  departmentId: string | null;
  enterpriseId: string | null;
  isActive: boolean;
  isOnDuty: boolean;
  canSignOff: boolean;
};
export type OptionView = { id: string; name: string };
export type DepartmentOption = { id: string; code: string; name: string; nameEn: string };
export type UserDirectory = { users: AdminUserView[]; departments: DepartmentOption[]; enterprises: OptionView[] };
export type RosterPerson = {
  id: string;
  username: string;
  displayName: string;
  phone: string;
  isOnDuty: boolean;
  dutyChangedAt: string | null;
};
export type RosterDepartment = { id: string; code: string; name: string; nameEn: string; people: RosterPerson[] };
