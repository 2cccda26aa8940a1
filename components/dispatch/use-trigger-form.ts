'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState } from 'react';
import type { EnterpriseSummary, PlanView } from '@/server/contracts/views';
import type { Severity } from '@/server/contracts/severity';
import { newIdempotencyKey } from './new-idempotency-key';
import { sendTrigger, type TriggerBody } from './send-trigger';
import { useIncidentTypeName } from '@/components/ui/use-incident-type-name';

export type TriggerField = 'planId' | 'lat' | 'lng' | 'description' | 'enterpriseId' | 'severity' | 'general';
export type LatLng = { lat: number; lng: number };

// The server names fields by their path in the body; the form shows them next to its own inputs.
const FIELD_BY_PATH: Record<string, TriggerField> = {
  planId: 'planId',
  'location.lat': 'lat',
  'location.lng': 'lng',
  location: 'lat',
  description: 'description',
  enterpriseId: 'enterpriseId',
  severity: 'severity',
};

const roundCoordinate = (value: number) => Math.round(value * 1e6) / 1e6;

function parseCoordinate(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** The state of the 一键启动 control, from the type chosen to the dispatch sent exactly once. */
export function useTriggerForm(plans: PlanView[], enterprises: EnterpriseSummary[]) {
  const t = useTranslations('dashboard');
  const typeName = useIncidentTypeName();
  const router = useRouter();
  const [incidentType, setIncidentType] = useState<string | null>(null);
  const [planId, setPlanId] = useState('');
  const [latText, setLatText] = useState('');
  const [lngText, setLngText] = useState('');
  const [enterpriseId, setEnterpriseId] = useState('');
  const [description, setDescription] = useState('');
  const [isDrill, setIsDrill] = useState(false);
  // 事件分级 is optional here: often only known later, and set on the board then.
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [errors, setErrors] = useState<Partial<Record<TriggerField, string>>>({});
  const [isSending, setIsSending] = useState(false);
  const lastDefault = useRef('');
  const prepared = useRef<{ body: string; key: string } | null>(null);
  const isInFlight = useRef(false);

  const types = useMemo(() => [...new Set(plans.map((plan) => plan.incidentType))], [plans]);
  const plansOfType = useMemo(() => plans.filter((plan) => plan.incidentType === incidentType), [plans, incidentType]);
  const plan = plans.find((candidate) => candidate.id === planId) ?? null;
  const lat = parseCoordinate(latText);
  const lng = parseCoordinate(lngText);
  const isLatValid = lat !== null && lat >= -90 && lat <= 90;
  const isLngValid = lng !== null && lng >= -180 && lng <= 180;
  const location: LatLng | null = isLatValid && isLngValid ? { lat: lat!, lng: lng! } : null;

  // Caught here, in the officer's words, before anything is sent; the server still checks again.
  const localErrors: Partial<Record<TriggerField, string>> = {};
  if (latText.trim() !== '' && !isLatValid) localErrors.lat = t('trigger.errors.latitude');
  if (lngText.trim() !== '' && !isLngValid) localErrors.lng = t('trigger.errors.longitude');
  if (incidentType && description.trim().length < 2) localErrors.description = t('trigger.errors.description');

  const clearError = (...fields: TriggerField[]) =>
    setErrors((previous) => {
      const next = { ...previous };
      for (const field of [...fields, 'general' as const]) delete next[field];
      return next;
    });

  const defaultDescription = (type: string) =>
    t.has(`trigger.defaultDescription.${type}`)
      ? t(`trigger.defaultDescription.${type}`)
      : t('trigger.defaultDescriptionOther', { type: typeName(type) });

  const chooseType = (type: string) => {
    setIncidentType(type);
    setPlanId(plans.find((candidate) => candidate.incidentType === type)?.id ?? '');
    // Keep what the officer typed; replace only our own suggestion.
    if (description.trim() === '' || description === lastDefault.current) {
      const suggestion = defaultDescription(type);
      lastDefault.current = suggestion;
      setDescription(suggestion);
    }
    clearError('planId', 'description');
  };

  const pickLocation = (point: LatLng) => {
    setLatText(String(roundCoordinate(point.lat)));
    setLngText(String(roundCoordinate(point.lng)));
    clearError('lat', 'lng');
  };

  const linkEnterprise = (id: string, options: { moveLocation: boolean }) => {
    setEnterpriseId(id);
    const enterprise = enterprises.find((candidate) => candidate.id === id);
    if (enterprise && (options.moveLocation || !location)) pickLocation(enterprise.location);
    clearError('enterpriseId');
  };

  const missing: string[] = [];
  if (!incidentType) missing.push(t('trigger.missing.type'));
  else if (!plan) missing.push(t('trigger.missing.plan'));
  if (!location) missing.push(t('trigger.missing.location'));
  if (localErrors.description) missing.push(t('trigger.missing.description'));
  const isReady = missing.length === 0;

  const dispatch = async () => {
    if (!plan || !location || isInFlight.current) return;
    const body: TriggerBody = {
      planId: plan.id,
      location,
      description: description.trim(),
      ...(enterpriseId ? { enterpriseId } : {}),
      drill: isDrill,
      ...(severity ? { severity } : {}),
    };
    const bodyText = JSON.stringify(body);
    // Same dispatch, same key: a second press or a retry replays the first incident.
    if (prepared.current?.body !== bodyText) prepared.current = { body: bodyText, key: newIdempotencyKey() };
    isInFlight.current = true;
    setIsSending(true);
    setErrors({});
    const result = await sendTrigger(body, prepared.current.key);
    if (result.ok) {
      prepared.current = null;
      router.push(`/incidents/${result.data.incident.id}`);
      return;
    }
    isInFlight.current = false;
    setIsSending(false);
    if (result.status === 0) {
      setErrors({ general: t('trigger.errors.network') });
      return;
    }
    const field = FIELD_BY_PATH[result.error.field ?? ''] ?? 'general';
    setErrors({ [field]: result.error.message || t('trigger.errors.failed') });
  };

  return {
    types,
    plansOfType,
    incidentType,
    plan,
    latText,
    lngText,
    location,
    enterpriseId,
    description,
    isDrill,
    severity,
    errors: { ...localErrors, ...errors },
    isSending,
    isReady,
    missing,
    chooseType,
    choosePlan: (id: string) => {
      setPlanId(id);
      clearError('planId');
    },
    setLatText: (text: string) => {
      setLatText(text);
      clearError('lat');
    },
    setLngText: (text: string) => {
      setLngText(text);
      clearError('lng');
    },
    pickLocation,
    linkEnterprise,
    setDescription: (text: string) => {
      setDescription(text);
      clearError('description');
    },
    setIsDrill,
    setSeverity: (value: Severity | '') => {
      setSeverity(value);
      clearError('severity');
    },
    dispatch,
  };
}

export type TriggerForm = ReturnType<typeof useTriggerForm>;
