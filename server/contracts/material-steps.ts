// PURE (no zod): a reservation's lifecycle, imported by the phone's card as well as the server.

export const RESERVATION_STATUSES = ['reserved', 'collected', 'deployed', 'settled'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];
/** The one step forward a reservation may take during the incident. */
export const NEXT_RESERVATION_STATUS: Partial<Record<ReservationStatus, ReservationStatus>> = {
  reserved: 'collected',
  collected: 'deployed',
};
