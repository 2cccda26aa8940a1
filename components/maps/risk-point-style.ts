// PURE: the one look of each risk-point kind, shared by every map, table, legend and poster view.
import type { RiskPointKind } from '@/server/contracts/one-map';
import { RISK_POINT_KINDS } from '@/server/contracts/one-map-kinds';

export type RiskPointStyle = {
  /** Fill colour; all are dark enough for white text on them (WCAG AA for bold 12px+). */
  color: string;
  /** A short latin glyph that survives black-and-white printing and colour blindness. */
  glyph: string;
  /** Under the `oneMap` namespace. */
  labelKey: `kinds.${RiskPointKind}`;
};

const STYLES: Record<RiskPointKind, Omit<RiskPointStyle, 'labelKey'>> = {
  storage_tank: { color: '#b45309', glyph: 'T' },
  discharge_outfall: { color: '#b91c1c', glyph: 'O' },
  storm_outlet: { color: '#0369a1', glyph: 'R' },
  valve: { color: '#7e22ce', glyph: 'V' },
  emergency_pool: { color: '#047857', glyph: 'P' },
  hazardous_waste_store: { color: '#be185d', glyph: 'H' },
  materials_cabinet: { color: '#15803d', glyph: 'M' },
  manhole: { color: '#475569', glyph: 'W' },
  boiler_stack: { color: '#44403c', glyph: 'S' },
};

export function riskPointStyle(kind: RiskPointKind): RiskPointStyle {
  return { ...STYLES[kind], labelKey: `kinds.${kind}` };
}

export const RISK_POINT_STYLES: { kind: RiskPointKind; style: RiskPointStyle }[] = RISK_POINT_KINDS.map((kind) => ({
  kind,
  style: riskPointStyle(kind),
}));
