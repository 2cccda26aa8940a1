import type { RiskLevel } from '@/db/schema';

// HJ 941-2018 levels, lowest first; the map markers and every legend share these colours.
export const RISK_ORDER: readonly RiskLevel[] = ['general', 'larger', 'major'];
export const RISK_COLORS: Record<RiskLevel, string> = { general: '#2563eb', larger: '#d97706', major: '#dc2626' };
