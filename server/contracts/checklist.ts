// PURE: the 清单式填报 checklist's steps and zod schemas, shared by the verbs and the wizard.
// Every custom issue message is a key under `errors.` in messages/*/errors.json, so a rule gives
// the same localized text beside the field in the browser and in an API error.
import { z } from 'zod';
import type { RiskPointKind } from './one-map';

export const CHECKLIST_ERROR_KEYS = [
  'fieldRequired',
  'fieldTooLong',
  'phoneFormat',
  'selectionInvalid',
  'checklistQuantity',
  'checklistDuplicateCode',
  'checklistAtLeastOne',
  'checklistTooMany',
  'checklistStepsRequired',
] as const;
export type ChecklistErrorKey = (typeof CHECKLIST_ERROR_KEYS)[number];
const isChecklistErrorKey = (value: string): value is ChecklistErrorKey => (CHECKLIST_ERROR_KEYS as readonly string[]).includes(value);

export const CHECKLIST_STEPS = ['storage', 'outfalls', 'contacts', 'materials'] as const;
export type ChecklistStepName = (typeof CHECKLIST_STEPS)[number];
/** The step after the last one: everything is filled in and the checklist can be finished. */
export const REVIEW_STEP = CHECKLIST_STEPS.length;

export const STORAGE_KINDS = ['storage_tank', 'hazardous_waste_store'] as const satisfies readonly RiskPointKind[];
export const OUTFALL_KINDS = [
  'discharge_outfall',
  'storm_outlet',
  'valve',
  'emergency_pool',
  'manhole',
] as const satisfies readonly RiskPointKind[];

const required = (max: number) => z.string({ error: 'fieldRequired' }).trim().min(1, 'fieldRequired').max(max, 'fieldTooLong');
const optional = (max: number) => z.string({ error: 'fieldRequired' }).trim().max(max, 'fieldTooLong').default('');
const phone = optional(32).refine((value) => /^[0-9+\-() ]*$/.test(value), 'phoneFormat');
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item, { error: 'checklistAtLeastOne' }).max(max, 'checklistTooMany');
const disposalSteps = list(required(300), 30);

export const checklistSubstance = z.object({
  name: required(60),
  maxQuantity: z
    .number({ error: 'checklistQuantity' })
    .finite('checklistQuantity')
    .min(0, 'checklistQuantity')
    .max(1e9, 'checklistQuantity'),
  unit: required(12),
});

const pointFields = {
  code: required(24),
  name: required(80),
  responsibleName: optional(40),
  responsiblePhone: phone,
};

export const storageItem = z.object({
  ...pointFields,
  kind: z.enum(STORAGE_KINDS, { error: 'selectionInvalid' }),
  substances: list(checklistSubstance, 30).min(1, 'checklistAtLeastOne'),
  disposalSteps: disposalSteps.default([]),
});

export const outfallItem = z.object({
  ...pointFields,
  kind: z.enum(OUTFALL_KINDS, { error: 'selectionInvalid' }),
  disposalSteps: disposalSteps.min(1, 'checklistStepsRequired'),
});

export const checklistContact = z.object({
  name: required(40),
  role: required(60),
  phone: required(32).refine((value) => /^[0-9+\-() ]{5,}$/.test(value), 'phoneFormat'),
});

export const checklistMaterial = z.object({ kind: required(60), quantity: required(40), location: required(80) });

/** Codes name risk points on the map, so each may appear once in a step. */
function uniqueCodes(items: { code: string }[], arrayName: string, context: z.RefinementCtx) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.code)) context.addIssue({ code: 'custom', message: 'checklistDuplicateCode', path: [arrayName, index, 'code'] });
    seen.add(item.code);
  });
}

export const storageStep = z
  .object({ storages: list(storageItem, 60).min(1, 'checklistAtLeastOne') })
  .superRefine((value, context) => uniqueCodes(value.storages, 'storages', context));
export const outfallsStep = z
  .object({ points: list(outfallItem, 60).min(1, 'checklistAtLeastOne') })
  .superRefine((value, context) => uniqueCodes(value.points, 'points', context));
export const contactsStep = z.object({ contacts: list(checklistContact, 30).min(1, 'checklistAtLeastOne') });
export const materialsStep = z.object({ materials: list(checklistMaterial, 60).min(1, 'checklistAtLeastOne') });

export const CHECKLIST_STEP_SCHEMAS = {
  storage: storageStep,
  outfalls: outfallsStep,
  contacts: contactsStep,
  materials: materialsStep,
} as const;

export type StorageStep = z.output<typeof storageStep>;
export type OutfallsStep = z.output<typeof outfallsStep>;
export type ContactsStep = z.output<typeof contactsStep>;
export type MaterialsStep = z.output<typeof materialsStep>;
export type ChecklistData = { storage?: StorageStep; outfalls?: OutfallsStep; contacts?: ContactsStep; materials?: MaterialsStep };

export const saveChecklistStepInput = z.object({
  step: z
    .number({ error: 'selectionInvalid' })
    .int()
    .min(0)
    .max(CHECKLIST_STEPS.length - 1),
  data: z.unknown(),
});

/** Field path → error key for every bad field (the first issue per field wins). */
export function checklistIssues(schema: z.ZodType, value: unknown): Record<string, ChecklistErrorKey | 'invalid_input'> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const issues: Record<string, ChecklistErrorKey | 'invalid_input'> = {};
  for (const issue of result.error.issues) {
    issues[issue.path.join('.') || 'form'] ??= isChecklistErrorKey(issue.message) ? issue.message : 'invalid_input';
  }
  return issues;
}

/** A code used both for a storage place and for an outfall/valve/pool: the path of the later one. */
export function findCrossStepDuplicate(data: ChecklistData, step: ChecklistStepName): string | null {
  if (step !== 'storage' && step !== 'outfalls') return null;
  const other = step === 'storage' ? data.outfalls?.points : data.storage?.storages;
  const mine = step === 'storage' ? data.storage?.storages : data.outfalls?.points;
  const taken = new Set((other ?? []).map((item) => item.code));
  const index = (mine ?? []).findIndex((item) => taken.has(item.code));
  if (index < 0) return null;
  return `${step === 'storage' ? 'storages' : 'points'}.${index}.code`;
}

export type ChecklistView = {
  enterpriseId: string;
  /** Where to resume: 0..3 a step, 4 the review before finishing. */
  step: number;
  data: ChecklistData;
  /** False while `data` is only pre-filled from the current map draft and nothing has been saved. */
  isSaved: boolean;
  hasPlan: boolean;
  updatedAt: string | null;
  completedAt: string | null;
};

export type ChecklistCompletion = { added: string[]; updated: string[]; contacts: number; materials: number; completedAt: string };
