import { useTranslations } from 'next-intl';
import { RISK_POINT_STYLES } from '@/components/maps/risk-point-style';
import styles from './enterprise.module.css';

/** What each colour and glyph on the plan means. */
export function KindLegend({ kinds }: { kinds?: readonly string[] }) {
  const t = useTranslations('oneMap');
  const shown = kinds ? RISK_POINT_STYLES.filter(({ kind }) => kinds.includes(kind)) : RISK_POINT_STYLES;
  return (
    <ul className={styles.legend} aria-label={t('legend')}>
      {shown.map(({ kind, style }) => (
        <li key={kind}>
          <KindSwatch kind={kind} />
          {t(style.labelKey)}
        </li>
      ))}
    </ul>
  );
}

export function KindSwatch({ kind, label }: { kind: (typeof RISK_POINT_STYLES)[number]['kind']; label?: string }) {
  const style = RISK_POINT_STYLES.find((entry) => entry.kind === kind)!.style;
  return (
    <span className={styles.swatch} style={{ background: style.color }} aria-hidden={label ? undefined : true}>
      {label ?? style.glyph}
    </span>
  );
}
