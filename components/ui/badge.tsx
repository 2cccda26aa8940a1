import type { ReactNode } from 'react';
import styles from './ui.module.css';

const TONES = {
  neutral: '',
  drill: styles.badgeDrill,
  danger: styles.badgeDanger,
  success: styles.badgeSuccess,
  warning: styles.badgeWarning,
};

export function Badge({ tone = 'neutral', children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return <span className={[styles.badge, TONES[tone]].filter(Boolean).join(' ')}>{children}</span>;
}
