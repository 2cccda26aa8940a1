'use client';

import { useTranslations } from 'next-intl';
import type { AssignmentView, TimelineEntry } from '@/server/contracts/dispatch';
import { useReachText } from './use-reach-text';
import { ESCALATION_SKIP_REASONS, isEscalationStep, type EscalationAuditData } from '@/server/contracts/escalation';

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

export const isEscalationEntry = (entry: TimelineEntry) =>
  entry.action.startsWith('escalation.') || (entry.action === 'assignment.sent' && typeof entry.data.backupFor === 'string');

/** Timeline text for escalation steps and backup cards; null for every other entry. */
export function useEscalationText(assignments: AssignmentView[]) {
  const t = useTranslations('escalation');
  const reach = useReachText();
  const byId = new Map(assignments.map((assignment) => [assignment.id, assignment]));
  const nameOfUser = new Map(assignments.map((assignment) => [assignment.userId, assignment.userName]));

  return (entry: TimelineEntry): string | null => {
    if (entry.action === 'assignment.sent' && typeof entry.data.backupFor === 'string') {
      return t('timeline.backupSent', {
        person: nameOfUser.get(text(entry.data.userId)) ?? text(entry.data.userId),
        role: text(entry.data.role),
        original: byId.get(entry.data.backupFor)?.userName ?? '—',
      });
    }
    if (!entry.action.startsWith('escalation.')) return null;
    const data = entry.data as Partial<EscalationAuditData>;
    if (!isEscalationStep(data.step) || entry.action === 'escalation.unknown') return t('timeline.unknown');
    const values = {
      assignee: text(data.assigneeName),
      role: text(data.role),
      notified: text(data.notifiedName),
      step: t(`steps.${data.step}`),
    };
    const isKnownReason = (ESCALATION_SKIP_REASONS as readonly unknown[]).includes(data.skipped);
    const reached = data.notifiedName ? reach.timeline(data.step, data.channels, values) : null;
    const detail = data.skipped
      ? t('timeline.skipped', { ...values, reason: isKnownReason ? t(`reasons.${data.skipped}`) : text(data.skipped) })
      : data.step === 'duty_officer' && !data.notifiedName
        ? t('timeline.dutyOfficerRoom', values)
        : (reached ?? t(`timeline.${data.step}`, values));
    return t('timeline.prefixed', { level: text(data.level), of: text(data.of), detail });
  };
}
