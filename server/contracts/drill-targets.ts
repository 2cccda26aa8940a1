// PURE: what a plan expects of a response, in seconds; a drill's score card compares against these.
export type DrillTargets = {
  /** Every card 收到 within this long of being sent. */
  everyoneAcknowledgedSeconds: number;
  /** The first person on scene within this long of the press. */
  firstOnSceneSeconds: number;
  /** Every role with at least one person on scene within this long of the press. */
  allRolesOnSceneSeconds: number;
  /** The 初报 signed off (签发) within this long of discovery. */
  initialReportSignedSeconds: number;
};

export const DEFAULT_DRILL_TARGETS: DrillTargets = {
  everyoneAcknowledgedSeconds: 3 * 60,
  firstOnSceneSeconds: 20 * 60,
  allRolesOnSceneSeconds: 45 * 60,
  initialReportSignedSeconds: 60 * 60,
};

/** The target keys, in the score card's order. */
export const DRILL_TARGET_KEYS = [
  'everyoneAcknowledgedSeconds',
  'firstOnSceneSeconds',
  'allRolesOnSceneSeconds',
  'initialReportSignedSeconds',
] as const satisfies readonly (keyof DrillTargets)[];

/** A target may be from one minute to a day (the editor shows minutes; stored and sent in seconds). */
export const MIN_TARGET_SECONDS = 60;
export const MAX_TARGET_SECONDS = 24 * 3600;
