'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { PlanPixel } from '@/components/maps/site-plan-coords';
import { callApi } from '@/components/ui/api-client';
import { riskPointInput, type PublishedRiskPoint } from '@/server/contracts/one-map';
import { emptyPointValues, issuesByField, toPointInput, valuesFromPoint, type PointFormValues } from './form-values';

export const NEW_POINT_ID = 'new';

type Target = { isNew: true } | { isNew: false; id: string };

// Paths the form has a place for; a server error on any other field is shown on top of the form.
const FORM_PATHS = /^(kind|code|name|x|y|responsibleName|responsiblePhone|disposalSteps\.\d+|substances\.\d+\.(name|maxQuantity|unit))$/;

/** The point being added or edited, its form values and errors, and the calls that save them. */
export function usePointEditing(enterpriseId: string, points: PublishedRiskPoint[]) {
  const t = useTranslations('enterprise');
  const router = useRouter();
  const [target, setTarget] = useState<Target | null>(null);
  const [values, setValues] = useState<PointFormValues>(emptyPointValues());
  const [placement, setPlacement] = useState<PlanPixel | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const editing = target && !target.isNew ? (points.find((point) => point.id === target.id) ?? null) : null;
  const position = target?.isNew ? placement : editing ? { x: editing.x, y: editing.y } : null;

  function reset(next: Target | null, nextValues: PointFormValues) {
    setTarget(next);
    setValues(nextValues);
    setErrors({});
    setFormError(null);
  }

  const startNew = () => {
    reset({ isNew: true }, emptyPointValues(values.kind));
    setPlacement(null);
  };
  const select = (point: PublishedRiskPoint) => reset({ isNew: false, id: point.id }, valuesFromPoint(point));
  const close = () => reset(null, emptyPointValues(values.kind));

  function fail(status: number, error: { message: string; field?: string }) {
    if (status === 0) return setFormError(t('networkError'));
    if (error.field && FORM_PATHS.test(error.field)) {
      setErrors({ [error.field]: error.message });
      return setFormError(t('fixErrors'));
    }
    setFormError(error.message);
  }

  async function save() {
    if (!target || !position) return;
    const input = toPointInput(values, position);
    const parsed = riskPointInput.safeParse(input);
    if (!parsed.success) {
      const issues = issuesByField(parsed.error);
      setErrors(Object.fromEntries(Object.entries(issues).map(([path, key]) => [path, t(`validation.${key}`)])));
      setFormError(t('fixErrors'));
      return;
    }
    setIsBusy(true);
    const url = target.isNew ? `/api/enterprises/${enterpriseId}/points` : `/api/enterprises/${enterpriseId}/points/${target.id}`;
    const result = await callApi<{ id: string }>(url, { method: target.isNew ? 'POST' : 'PUT', body: input });
    setIsBusy(false);
    if (!result.ok) return fail(result.status, result.error);
    setErrors({});
    setFormError(null);
    setTarget({ isNew: false, id: result.data.id });
    setPlacement(null);
    router.refresh();
  }

  async function remove() {
    if (!target || target.isNew) return;
    setIsBusy(true);
    const result = await callApi(`/api/enterprises/${enterpriseId}/points/${target.id}`, { method: 'DELETE' });
    setIsBusy(false);
    if (!result.ok) return fail(result.status, result.error);
    close();
    router.refresh();
  }

  /** A drag: saved at once, so the map never shows a position the server does not have. */
  async function move(id: string, pixel: PlanPixel): Promise<{ isSaved: boolean; error?: string }> {
    if (id === NEW_POINT_ID) {
      setPlacement(pixel);
      return { isSaved: true };
    }
    const result = await callApi(`/api/enterprises/${enterpriseId}/points/${id}`, { method: 'PATCH', body: pixel });
    if (!result.ok) return { isSaved: false, error: result.status === 0 ? t('networkError') : result.error.message };
    router.refresh();
    return { isSaved: true };
  }

  return {
    target,
    editing,
    values,
    setValues,
    placement,
    setPlacement,
    position,
    errors,
    formError,
    isBusy,
    startNew,
    select,
    close,
    save,
    remove,
    move,
  };
}
