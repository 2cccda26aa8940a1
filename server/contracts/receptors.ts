import type { ReceptorKind } from './statutory-reports';

/** 环境敏感目标 as the API shows it. */
export type ReceptorView = { id: string; kind: ReceptorKind; name: string; location: { lat: number; lng: number }; note: string };
