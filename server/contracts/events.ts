// PURE module: the typed Socket.IO contract used by both ends.
import type { AssignmentView, IncidentSummary, IncidentUpdateView, RoleCard } from './dispatch';
import type { PendingReportView } from './intake';
import type { FieldReportView } from './field-reports';
import type { ReservationStatus } from './material-steps';

export type AckError = { code: string; message: string };
export type AckResult<T> = { ok: true; data: T } | { ok: false; error: AckError };
export type Ack<T> = (result: AckResult<T>) => void;

/** Every push carries a stable `messageId`: a redelivery of the same fact has the same id. */
export type AssignmentUpdatedMessage = { messageId: string; assignment: AssignmentView };
export type IncidentUpdatedMessage = { messageId: string; incident: IncidentSummary };
export type IncidentLiftedMessage = { messageId: string; incidentId: string; liftedAt: string; reason: string };
/**
 * 情况通报 to the incident's assignees: the update, and the incident as the cards now show it (its
 * location, type and linked enterprises after the update). The phone answers with
 * `incident:updates-received`; until it does, the update is pushed again (and synced on reconnect).
 */
export type IncidentUpdatePostedMessage = { messageId: string; update: IncidentUpdateView; incident: RoleCard['incident'] };
export type MapPublishedMessage = { messageId: string; enterpriseId: string; version: number };
/** A field user's phone came online or went offline (heartbeat-based; sent to the command room). */
export type PresenceMessage = { messageId: string; userId: string; isOnline: boolean; lastSeenAt: string | null };
/** An escalation step ran for an unacknowledged assignment (command room, and the people it pages). */
export type EscalationMessage = {
  messageId: string;
  incidentId: string;
  assignmentId: string;
  step: 'realert' | 'backup' | 'supervisor' | 'duty_officer';
  /** The person the step reached (the backup, the supervisor); null when the step reached nobody. */
  notifiedUserId: string | null;
  /** Whose card is unanswered, so the notified person's own page can say what is expected of them. */
  assignee?: { name: string; role: string; phone: string };
  at: string;
};
/** A field report (现场报告) arrived: to the command room, for the board's list and map. */
export type FieldReportAddedMessage = { messageId: string; report: FieldReportView };
/** A reservation of 应急物资 moved (已领取, 已布设): to the phones of the role it was reserved for. */
export type MaterialsUpdatedMessage = { messageId: string; incidentId: string; reservationId: string; status: ReservationStatus };
/**
 * The phone's answer to `assignments:sync`: cards it lacks in full, the state of those it holds,
 * the incidents lifted (警报解除) while it was away, of the cards it held (it says so before the
 * cards go), and the held cards whose incident was updated meanwhile.
 */
export type AssignmentsSyncReply = {
  missing: RoleCard[];
  held: AssignmentView[];
  lifted: LiftedIncident[];
  /** Held cards whose incident has 情况通报 the phone has not confirmed: in full, to replace the held copy. */
  revised: RoleCard[];
  /** Held cards the duty officer stood down (已撤回) while the phone was away, with the reason. */
  stoodDown?: StoodDownCard[];
};
/** `assignment:stood_down`: the duty officer withdrew this person from the incident (已撤回). */
export type AssignmentStoodDownMessage = {
  messageId: string;
  assignmentId: string;
  incidentId: string;
  stoodDownAt: string;
  reason: string;
};
export type StoodDownCard = { assignmentId: string; incidentId: string; reason: string | null };
export type LiftedIncident = { incidentId: string; reason: string | null };
/** The phone's receipt for a pushed card; the server records `delivered` when it arrives. */
export type CardReceipt = { received: true };

export type SessionDisplacedMessage = { reason: 'too_many_connections'; maxConnections: number };

/** A report from another system was filed, confirmed or dismissed (the command room's pending incidents). */
export type ReportUpdatedMessage = { messageId: string; report: PendingReportView };

export type ServerToClientEvents = {
  // Sent with a Socket.IO ack: the phone's receipt is what marks the card delivered.
  'assignment:new': (card: RoleCard, ack: (receipt: CardReceipt) => void) => void;
  'assignment:updated': (message: AssignmentUpdatedMessage) => void;
  'incident:updated': (message: IncidentUpdatedMessage) => void;
  'incident:lifted': (message: IncidentLiftedMessage) => void;
  'incident:update-posted': (message: IncidentUpdatePostedMessage) => void;
  'assignment:stood_down': (message: AssignmentStoodDownMessage) => void;
  'map:published': (message: MapPublishedMessage) => void;
  'presence:changed': (message: PresenceMessage) => void;
  'escalation:raised': (message: EscalationMessage) => void;
  'field-report:added': (message: FieldReportAddedMessage) => void;
  'materials:updated': (message: MaterialsUpdatedMessage) => void;
  // To a socket about to be closed because the same person opened too many others (server/realtime/socket-cap.ts).
  'report:updated': (message: ReportUpdatedMessage) => void;
  'session:displaced': (message: SessionDisplacedMessage) => void;
};

/**
 * Every push, and whether it carries a `messageId` the client hook de-duplicates by. A record over
 * the event map, so a new push that is not listed here (and so never reaches a page) fails to typecheck.
 */
export const PUSH_EVENTS = {
  'assignment:new': true,
  'assignment:updated': true,
  'incident:updated': true,
  'incident:lifted': true,
  'incident:update-posted': true,
  'assignment:stood_down': true,
  'map:published': true,
  'presence:changed': true,
  'escalation:raised': true,
  'report:updated': true,
  'field-report:added': true,
  'materials:updated': true,
  'session:displaced': false,
} as const satisfies Record<keyof ServerToClientEvents, boolean>;

export type ClientToServerEvents = {
  'assignment:delivered': (payload: unknown, ack?: Ack<{ status: string }>) => void;
  'assignment:ack': (payload: unknown, ack?: Ack<AssignmentView>) => void;
  'assignment:status': (payload: unknown, ack?: Ack<AssignmentView>) => void;
  'assignments:sync': (payload: unknown, ack?: Ack<AssignmentsSyncReply>) => void;
  'incident:updates-received': (payload: unknown, ack?: Ack<{ seq: number }>) => void;
};
