// PURE and free of zod: the kind and level lists, small enough for the phone's first download.
export const RISK_POINT_KIND_LIST = [
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
export type RiskPointKindName = (typeof RISK_POINT_KIND_LIST)[number];

export const RISK_LEVEL_LIST = ['general', 'larger', 'major'] as const;
export type RiskLevelName = (typeof RISK_LEVEL_LIST)[number];
