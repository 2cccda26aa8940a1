import { z } from 'zod';

// 应急物资: depots, a catalogue of items with units, stock per depot and item, what a plan role
// requires, and what an incident reserved (reserved → collected → deployed, then settled at the lift).

export const MATERIAL_UNITS = ['kg', 'm', 'bag', 'unit', 'vehicle'] as const;
export type MaterialUnit = (typeof MATERIAL_UNITS)[number];

export { NEXT_RESERVATION_STATUS, RESERVATION_STATUSES, type ReservationStatus } from './material-steps';
import type { ReservationStatus } from './material-steps';

const id = z.string().uuid();
const quantity = z.number().int().positive().max(1_000_000);
const name = z.string().trim().min(1).max(80);
const lat = z.number().min(-90).max(90);
const lng = z.number().min(-180).max(180);

export const createMaterialItemInput = z.object({ name, unit: z.enum(MATERIAL_UNITS) }).strict();

export const createDepotInput = z
  .object({
    name,
    location: z.object({ lat, lng }).strict(),
    custodianName: z.string().trim().min(1).max(40),
    custodianPhone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 -]{5,19}$/),
    enterpriseId: id.nullish(),
  })
  .strict();

/** Sets the quantity on hand (available to reserve) of one item in one depot. Zero removes nothing, it is an empty shelf. */
export const setStockInput = z.object({ depotId: id, itemId: id, quantity: z.number().int().min(0).max(1_000_000) }).strict();

export const setRoleMaterialsInput = z
  .object({
    planRoleId: id,
    materials: z
      .array(z.object({ itemId: id, quantity }).strict())
      .max(30)
      .refine((list) => new Set(list.map((entry) => entry.itemId)).size === list.length, 'duplicate item'),
  })
  .strict();

export const advanceReservationInput = z.object({ reservationId: id }).strict();

export const settleMaterialsInput = z
  .object({
    incidentId: id,
    consumed: z.array(z.object({ reservationId: id, quantity: z.number().int().min(0).max(1_000_000) }).strict()).max(500),
  })
  .strict();

export type MaterialShortfallView = {
  planRoleId: string;
  roleName: string;
  itemId: string;
  itemName: string;
  unit: MaterialUnit;
  required: number;
  reserved: number;
};

export type ReservationView = {
  id: string;
  incidentId: string;
  planRoleId: string | null;
  roleName: string;
  itemId: string;
  itemName: string;
  unit: MaterialUnit;
  quantity: number;
  consumed: number | null;
  status: ReservationStatus;
  depot: { id: string; name: string; lat: number; lng: number; custodianName: string; custodianPhone: string };
};
