// PURE: the delivery timings the board needs to word a card's state honestly.

/** A card not yet confirmed by the phone is pushed again this long after the trigger's push. */
export const FIRST_REPUSH_AFTER_MS = 2_000;
