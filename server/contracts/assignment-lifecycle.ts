// PURE: the lifecycle of one assignment (a person's role card), written once for the server verbs,
// the database schema, the phone and the board. Adding a state is a change here, in the generated
// migrations and in the message catalogs; every table below is keyed by status and exhaustive, so
// a state left out fails the typecheck rather than a page.

/**
 * In order: pushed → confirmed by the phone → 收到 → 出发 → 到达 → 完成. Never backwards.
 * `stood_down` (已撤回) is terminal: the duty officer withdrew the person from the incident, with a reason.
 */
export const ASSIGNMENT_STATUSES = ['sent', 'delivered', 'acknowledged', 'en_route', 'on_scene', 'done', 'stood_down'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** The row's (and the view's) field holding when the assignment reached each status. */
export const STATUS_TIMESTAMP = {
  sent: 'sentAt',
  delivered: 'deliveredAt',
  acknowledged: 'acknowledgedAt',
  en_route: 'enRouteAt',
  on_scene: 'onSceneAt',
  done: 'doneAt',
  stood_down: 'stoodDownAt',
} as const satisfies Record<AssignmentStatus, string>;
export type StatusTimestampField = (typeof STATUS_TIMESTAMP)[AssignmentStatus];

export const statusRank = (status: AssignmentStatus): number => ASSIGNMENT_STATUSES.indexOf(status);

/** "Never backwards": a copy at `incoming` may replace one at `current`. */
export const isAtOrBeyond = (incoming: AssignmentStatus, current: AssignmentStatus): boolean => statusRank(incoming) >= statusRank(current);

/** How a duty officer reached a person whose phone did not answer: 收到 recorded on their behalf counts as theirs. */
export const REACHED_BY = ['phone_call', 'sms', 'in_person', 'radio'] as const;
export type ReachedBy = (typeof REACHED_BY)[number];

/** Still waiting for 收到: what escalation chases and the board counts as unacknowledged. */
export const UNACKNOWLEDGED_STATUSES = ['sent', 'delivered'] as const satisfies readonly AssignmentStatus[];
export const isAcknowledged = (status: AssignmentStatus): boolean => isAtOrBeyond(status, 'acknowledged');

/** The steps after 收到, which a phone reports with `assignment:status` (收到 has its own event, `assignment:ack`). */
export const PROGRESS_STEPS = ['en_route', 'on_scene', 'done'] as const satisfies readonly AssignmentStatus[];
export type ProgressStep = (typeof PROGRESS_STEPS)[number];

/** The steps a person takes on their phone (delivered is the phone's receipt, not a person's step). */
export const PERSON_STEPS = ['acknowledged', ...PROGRESS_STEPS] as const;
export type PersonStep = (typeof PERSON_STEPS)[number];

/** Fields named by STATUS_TIMESTAMP for the statuses `S`, each holding a `T`: a view's times, typed from the lifecycle. */
export type TimesOf<S extends AssignmentStatus, T> = { [K in S as (typeof STATUS_TIMESTAMP)[K]]: T };

/**
 * The times of `statuses` read off `source` (a row or a view) and converted: how every view copies
 * its timestamps, so a new status reaches each view without a field written out by hand.
 */
export function timesOf<S extends AssignmentStatus, In, Out>(
  statuses: readonly S[],
  source: TimesOf<S, In>,
  convert: (value: In) => Out,
): TimesOf<S, Out> {
  const read = source as Record<StatusTimestampField, In>;
  return Object.fromEntries(statuses.map((status) => [STATUS_TIMESTAMP[status], convert(read[STATUS_TIMESTAMP[status]])])) as TimesOf<
    S,
    Out
  >;
}

/**
 * From which statuses a person may take each step. Forward only, never before 收到, and a step
 * may be skipped (someone already standing at the point reports 到达 without 出发).
 */
export const ALLOWED_FROM = {
  acknowledged: UNACKNOWLEDGED_STATUSES,
  en_route: ['acknowledged'],
  on_scene: ['acknowledged', 'en_route'],
  done: ['acknowledged', 'en_route', 'on_scene'],
} as const satisfies Record<PersonStep, readonly AssignmentStatus[]>;

/** What the phone offers in each status, the big primary button first. */
export const NEXT_STEPS = {
  sent: ['acknowledged'],
  delivered: ['acknowledged'],
  acknowledged: ['en_route', 'on_scene'],
  en_route: ['on_scene'],
  on_scene: ['done'],
  done: [],
  stood_down: [],
} as const satisfies Record<AssignmentStatus, readonly PersonStep[]>;

/**
 * How far along a status is, as screens show it (one colour per phase, on the board and the
 * phone): still unanswered, answered and moving, at the scene, finished.
 */
export const STATUS_PHASE = {
  sent: 'unanswered',
  delivered: 'unanswered',
  acknowledged: 'answered',
  en_route: 'answered',
  on_scene: 'at_scene',
  done: 'finished',
  stood_down: 'finished',
} as const satisfies Record<AssignmentStatus, string>;
export type StatusPhase = (typeof STATUS_PHASE)[AssignmentStatus];
