// PURE module: the typed Socket.IO contract used by both ends.
import type { AssignmentView, IncidentSummary, RoleCard } from './dispatch';

export type AckError = { code: string; message: string };
export type AckResult<T> = { ok: true; data: T } | { ok: false; error: AckError };
export type Ack<T> = (result: AckResult<T>) => void;

/** Every push carries a stable `messageId`: a redelivery of the same fact has the same id. */
export type AssignmentUpdatedMessage = { messageId: string; assignment: AssignmentView };
export type IncidentUpdatedMessage = { messageId: string; incident: IncidentSummary };
export type IncidentLiftedMessage = { messageId: string; incidentId: string; liftedAt: string; reason: string };
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
  at: string;
};
/**
 * The phone's answer to `assignments:sync`: cards it lacks in full, the state of those it holds,
 * and the incidents lifted (警报解除) while it was away, of the cards it held: it says so before
 * the cards go.
 */
export type AssignmentsSyncReply = {
  missing: RoleCard[];
  held: AssignmentView[];
  lifted: LiftedIncident[];
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

export type ServerToClientEvents = {
  // Sent with a Socket.IO ack: the phone's receipt is what marks the card delivered.
  'assignment:new': (card: RoleCard, ack: (receipt: CardReceipt) => void) => void;
  'assignment:updated': (message: AssignmentUpdatedMessage) => void;
  'incident:updated': (message: IncidentUpdatedMessage) => void;
  'incident:lifted': (message: IncidentLiftedMessage) => void;
  'assignment:stood_down': (message: AssignmentStoodDownMessage) => void;
  'map:published': (message: MapPublishedMessage) => void;
  'presence:changed': (message: PresenceMessage) => void;
  'escalation:raised': (message: EscalationMessage) => void;
  // To a socket about to be closed because the same person opened too many others (server/realtime/socket-cap.ts).
  'session:displaced': (message: SessionDisplacedMessage) => void;
};

export type ClientToServerEvents = {
  'assignment:delivered': (payload: unknown, ack?: Ack<{ status: string }>) => void;
  'assignment:ack': (payload: unknown, ack?: Ack<AssignmentView>) => void;
  'assignment:status': (payload: unknown, ack?: Ack<AssignmentView>) => void;
  'assignments:sync': (payload: unknown, ack?: Ack<AssignmentsSyncReply>) => void;
};
