// PURE and free of zod: the kind and level lists, small enough for the phone's first download.
export const RISK_POINT_KINDS = [
  'storage_tank',
  'discharge_outfall',
  'storm_outlet',
  'valve',
  'emergency_pool',
  'hazardous_waste_store',
  'materials_cabinet',
  'manhole',
  'boiler_stack',
] as const;
export type RiskPointKind = (typeof RISK_POINT_KINDS)[number];

export const RISK_LEVELS = ['general', 'larger', 'major'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
