'use client';

import { useTranslations } from 'next-intl';
import { ESCALATION_CHANNELS, type EscalationChannel } from '@/server/contracts/escalation';

const isChannel = (value: unknown): value is EscalationChannel => (ESCALATION_CHANNELS as readonly unknown[]).includes(value);

/** A translator of the `deliveryOutcome` namespace (useTranslations or next-intl's createTranslator). */
type Translate = (key: string, values?: Record<string, string | number>) => string;
type Step = 'realert' | 'backup' | 'supervisor' | 'duty_officer';

/**
 * What an escalation step actually reached, in words: the channels that carried it
 * (短信、在线页面…), or 无可用渠道，未能送达. Never "已通知" for a message that went nowhere.
 */
export function reachText(t: Translate) {
  const channels = (list: readonly unknown[]) =>
    list
      .filter(isChannel)
      .map((channel) => t(`channels.${channel}`))
      .join(t('channels.separator'));
  const isReached = (list: readonly unknown[]) => list.some(isChannel);

  return {
    /** Timeline detail for a step that recorded its channels; null for a step without that record (then the old wording stands). */
    timeline(
      step: Step,
      list: readonly unknown[] | undefined,
      values: { assignee: string; role: string; notified: string },
    ): string | null {
      if (!Array.isArray(list) || step === 'backup') return null;
      return isReached(list) ? t(`timeline.${step}`, { ...values, channels: channels(list) }) : t(`timeline.${step}None`, values);
    },
    /** The banner's "who was reached, how" line. */
    banner(name: string, list: readonly unknown[]): string {
      return isReached(list) ? t('banner.notified', { name, channels: channels(list) }) : t('banner.notReached', { name });
    },
  };
}

export function useReachText() {
  return reachText(useTranslations('deliveryOutcome') as Translate);
}
