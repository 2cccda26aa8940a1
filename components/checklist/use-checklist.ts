'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import {
  CHECKLIST_STEP_SCHEMAS,
  CHECKLIST_STEPS,
  checklistIssues,
  findCrossStepDuplicate,
  REVIEW_STEP,
  type ChecklistCompletion,
  type ChecklistData,
  type ChecklistView,
} from '@/server/contracts/checklist';
import { callApi, type ApiResult } from '../ui/api-client';
import { toDrafts, toStepData, type Drafts } from './checklist-drafts';

type Failure = Extract<ApiResult<unknown>, { ok: false }>;

/** The wizard's state: which step, the drafts of every step, errors, and save / finish calls. */
export function useChecklist(initial: ChecklistView) {
  const t = useTranslations('checklist');
  const tErrors = useTranslations('errors');
  const [view, setView] = useState(initial);
  const [current, setCurrent] = useState(Math.min(initial.step, REVIEW_STEP));
  const [drafts, setDrafts] = useState<Drafts>(() => toDrafts(initial.data));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(initial.isSaved ? null : t('status.prefilled'));
  const [busy, setBusy] = useState<'saving' | 'finishing' | null>(null);
  const [completion, setCompletion] = useState<ChecklistCompletion | null>(null);
  const url = `/api/enterprises/${initial.enterpriseId}/checklist`;

  function goTo(step: number) {
    setErrors({});
    setFormError(null);
    setNotice(null);
    setCurrent(step);
    window.scrollTo({ top: 0 });
  }

  function fail(result: Failure) {
    if (result.status === 0) return setFormError(t('status.networkError'));
    if (result.error.field) setErrors({ [result.error.field]: result.error.message });
    setFormError(result.error.field ? t('status.fixErrors') : result.error.message);
  }

  /** Checked here with the server's own schema first, so a bad step never leaves the browser. */
  function localErrors(stepData: unknown): Record<string, string> {
    const name = CHECKLIST_STEPS[current]!;
    const schema = CHECKLIST_STEP_SCHEMAS[name];
    const issues = checklistIssues(schema, stepData);
    if (Object.keys(issues).length > 0)
      return Object.fromEntries(Object.entries(issues).map(([path, key]) => [path, tErrors(key as never)]));
    const merged = { ...view.data, [name]: schema.parse(stepData) } as ChecklistData;
    const duplicate = findCrossStepDuplicate(merged, name);
    return duplicate ? { [duplicate]: tErrors('checklistDuplicateCode') } : {};
  }

  async function saveStep() {
    const name = CHECKLIST_STEPS[current];
    if (!name) return;
    const stepData = toStepData(name, drafts);
    const found = localErrors(stepData);
    setErrors(found);
    setNotice(null);
    if (Object.keys(found).length > 0) return setFormError(t('status.fixErrors'));
    setFormError(null);
    setBusy('saving');
    const result = await callApi<ChecklistView>(url, { method: 'PUT', body: { step: current, data: stepData } });
    setBusy(null);
    if (!result.ok) return fail(result);
    setView(result.data);
    goTo(current + 1);
    setNotice(t('status.saved'));
  }

  async function finish() {
    setBusy('finishing');
    setFormError(null);
    const result = await callApi<ChecklistCompletion>(`${url}/complete`, { method: 'POST' });
    setBusy(null);
    if (!result.ok) return fail(result);
    setCompletion(result.data);
    setView({ ...view, completedAt: result.data.completedAt });
    setNotice(null);
  }

  /** Field errors by path; `isDeep` also finds an error on one line of a list field. */
  const errorFor = (path: string, isDeep = false) =>
    errors[path] ?? (isDeep ? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1] : undefined);

  return { view, current, drafts, setDrafts, errors, errorFor, formError, notice, busy, completion, goTo, saveStep, finish };
}
