// PURE: the point form's editable strings ↔ the API's RiskPointInput, and zod issues → message keys.
import type { z } from 'zod';
import type { PublishedRiskPoint, RiskPointInput, RiskPointKind } from '@/server/contracts/one-map';

export type SubstanceRow = { name: string; maxQuantity: string; unit: string };
export type PointFormValues = {
  kind: RiskPointKind;
  code: string;
  name: string;
  substances: SubstanceRow[];
  disposalSteps: string[];
  responsibleName: string;
  responsiblePhone: string;
};

export function emptyPointValues(kind: RiskPointKind = 'valve'): PointFormValues {
  return { kind, code: '', name: '', substances: [], disposalSteps: [''], responsibleName: '', responsiblePhone: '' };
}

export function valuesFromPoint(point: PublishedRiskPoint): PointFormValues {
  return {
    kind: point.kind,
    code: point.code,
    name: point.name,
    substances: point.substances.map((s) => ({ name: s.name, maxQuantity: String(s.maxQuantity), unit: s.unit })),
    disposalSteps: point.disposalSteps.length > 0 ? [...point.disposalSteps] : [''],
    responsibleName: point.responsibleName,
    responsiblePhone: point.responsiblePhone,
  };
}

// An empty box is "missing", not zero: Number('') would quietly save 0 t of a chemical.
const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

export function toPointInput(values: PointFormValues, at: { x: number; y: number }): RiskPointInput {
  return {
    ...values,
    x: at.x,
    y: at.y,
    substances: values.substances.map((s) => ({ name: s.name, maxQuantity: toNumber(s.maxQuantity), unit: s.unit })),
    // A trailing empty step is the blank row the form offers, not a step.
    disposalSteps: values.disposalSteps.filter((step, index, all) => step.trim() !== '' || index < all.length - 1),
  };
}

export type IssueKey = 'required' | 'tooLong' | 'phone' | 'number' | 'tooMany' | 'invalid';

/** The first problem of each field, keyed by its dotted path ("substances.0.maxQuantity"). */
export function issuesByField(error: z.ZodError): Record<string, IssueKey> {
  const result: Record<string, IssueKey> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || 'form';
    result[path] ??= keyOf(issue);
  }
  return result;
}

function keyOf(issue: z.core.$ZodIssue): IssueKey {
  const origin = 'origin' in issue ? issue.origin : undefined;
  if (issue.code === 'invalid_format') return 'phone';
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'number';
  if (origin === 'number') return 'number';
  if (issue.code === 'too_small' && origin === 'string') return 'required';
  if (issue.code === 'too_big' && origin === 'string') return 'tooLong';
  if (issue.code === 'too_big' && origin === 'array') return 'tooMany';
  return 'invalid';
}
