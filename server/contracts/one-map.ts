// PURE: the one-map's shapes and input schemas, shared by the server and the editor.
import { z } from 'zod';

// Kept in a zod-free module so client components can import them without pulling zod in.
import { RISK_LEVELS, RISK_POINT_KINDS, type RiskLevel, type RiskPointKind } from './one-map-kinds';

export { RISK_LEVELS, RISK_POINT_KINDS, type RiskLevel, type RiskPointKind };

const text = (max: number) => z.string().trim().max(max);
const phone = z
  .string()
  .trim()
  .max(32)
  .regex(/^[0-9+\-() ]*$/, 'phone');

export const substanceSchema = z.object({
  name: text(60).min(1),
  maxQuantity: z.number().finite().min(0).max(1e9),
  unit: text(12).min(1),
});

export const riskPointInput = z.object({
  kind: z.enum(RISK_POINT_KINDS),
  code: text(24).min(1),
  name: text(80).min(1),
  x: z.number().finite().min(0),
  y: z.number().finite().min(0),
  substances: z.array(substanceSchema).max(30).default([]),
  disposalSteps: z.array(text(300).min(1)).max(30).default([]),
  responsibleName: text(40).default(''),
  responsiblePhone: phone.default(''),
});
export type RiskPointInput = z.input<typeof riskPointInput>;

export const contactInput = z.object({ name: text(40).min(1), role: text(60).min(1), phone: phone.min(5) });
export const materialInput = z.object({ kind: text(60).min(1), quantity: text(40).min(1), location: text(80).min(1) });
export const georefPointInput = z.object({
  x: z.number().finite().min(0),
  y: z.number().finite().min(0),
  lat: z.number().finite().min(-90).max(90),
  lng: z.number().finite().min(-180).max(180),
});

export type PublishedRiskPoint = {
  id: string;
  number: number;
  kind: RiskPointKind;
  code: string;
  name: string;
  x: number;
  y: number;
  lat: number | null;
  lng: number | null;
  substances: { name: string; maxQuantity: number; unit: string }[];
  disposalSteps: string[];
  responsibleName: string;
  responsiblePhone: string;
};

export type MapContent = {
  enterprise: { id: string; name: string; address: string; riskLevel: RiskLevel; lat: number; lng: number };
  plan: { imageUrl: string; fileName: string; width: number; height: number } | null;
  riskPoints: PublishedRiskPoint[];
  contacts: { name: string; role: string; phone: string }[];
  materials: { kind: string; quantity: string; location: string }[];
  georef: { x: number; y: number; lat: number; lng: number }[];
};

/** What GET /api/enterprises/:id/map returns: the current published version. */
export type PublishedMap = MapContent & {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  approvedAt: string | null;
  isStale: boolean;
};
