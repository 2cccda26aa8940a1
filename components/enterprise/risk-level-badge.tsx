import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { RiskLevel } from '@/server/contracts/one-map';

const TONE = { general: 'neutral', larger: 'warning', major: 'danger' } as const;

/** 一般 / 较大 / 重大 environmental risk (HJ 941-2018). */
export function RiskLevelBadge({ level }: { level: RiskLevel }) {
  const t = useTranslations('oneMap');
  return <Badge tone={TONE[level]}>{t('riskLevel', { level: t(`riskLevels.${level}`) })}</Badge>;
}
