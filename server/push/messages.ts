import type { AssignmentStatus } from '../contracts/assignment-lifecycle';
import type { AssignmentView, IncidentSummary, IncidentUpdateView, RoleCard } from '../contracts/dispatch';
import type {
  AssignmentUpdatedMessage,
  EscalationMessage,
  FieldReportAddedMessage,
  MaterialsUpdatedMessage,
  IncidentLiftedMessage,
  IncidentUpdatePostedMessage,
  AssignmentStoodDownMessage,
  IncidentUpdatedMessage,
  MapPublishedMessage,
  PresenceMessage,
  ReportUpdatedMessage,
} from '../contracts/events';
import type { PendingReportView } from '../contracts/intake';
import type { FieldReportView } from '../contracts/field-reports';
import type { ReservationStatus } from '../contracts/material-steps';

// One builder per push message. A message's id names the fact that caused it, so a repeat of the
// same fact (a redelivery, a second node, a retried worker pass) carries the same id and clients
// drop it, while a new fact never reuses one. Nothing else writes a messageId.

/** `assignment:new`, a role card: one fact per assignment, however often it is re-pushed. */
export function roleCardMessage(card: Omit<RoleCard, 'messageId'>): RoleCard {
  return { messageId: `assignment:new:${card.assignmentId}`, ...card };
}

/**
 * `assignment:updated`, the board's row for one assignment: the status reached and, for a
 * re-push, its attempt.
 */
export function assignmentUpdatedMessage(
  assignment: AssignmentView,
  fact: { status?: AssignmentStatus; pushAttempt?: number } = {},
): AssignmentUpdatedMessage {
  const attempt = fact.pushAttempt === undefined ? '' : `:${fact.pushAttempt}`;
  return { messageId: `assignment:${assignment.id}:${fact.status ?? assignment.status}${attempt}`, assignment };
}

/**
 * `incident:updated`, the board's header: caused by an audit row (its id), or by the trigger itself
 * (`'triggered'`, the incident's first state).
 */
export function incidentUpdatedMessage(incident: IncidentSummary, cause: { auditId: string } | 'triggered'): IncidentUpdatedMessage {
  return { messageId: `incident:${incident.id}:${cause === 'triggered' ? cause : cause.auditId}`, incident };
}

/** `incident:lifted` (警报解除): happens once per incident. */
export function incidentLiftedMessage(incidentId: string, liftedAt: Date, reason: string): IncidentLiftedMessage {
  return { messageId: `incident:${incidentId}:lifted`, incidentId, liftedAt: liftedAt.toISOString(), reason };
}

/** `incident:update-posted` (情况通报): one per update, however often it is pushed again. */
export function incidentUpdatePostedMessage(update: IncidentUpdateView, incident: RoleCard['incident']): IncidentUpdatePostedMessage {
  return { messageId: `update:${update.incidentId}:${update.seq}`, update, incident };
}

/** `map:published`: one per published version of an enterprise's one-map. */
export function mapPublishedMessage(enterpriseId: string, version: number): MapPublishedMessage {
  return { messageId: `map:${enterpriseId}:${version}`, enterpriseId, version };
}

/** `escalation:raised`: one per level of an assignment's escalation chain. */
export function escalationRaisedMessage(fact: Omit<EscalationMessage, 'messageId'> & { level: number }): EscalationMessage {
  const { level, ...message } = fact;
  return { messageId: `escalation:${fact.assignmentId}:${level}`, ...message };
}

/**
 * `presence:changed`: a transition (first connection, last disconnection) is not stored anywhere,
 * so it has no id of its own; each gets a fresh one, so a later "online" is never dropped as a
 * repeat of an earlier one.
 */
export function presenceChangedMessage(fact: Omit<PresenceMessage, 'messageId'>): PresenceMessage {
  return { messageId: `presence:${fact.userId}:${crypto.randomUUID()}`, ...fact };
}

/** `report:updated`: one per state of a report from another system (filed, confirmed, dismissed). */
export function reportUpdatedMessage(report: PendingReportView): ReportUpdatedMessage {
  return { messageId: `report:${report.id}:${report.status}`, report };
}

/** `field-report:added`: one per report (a resent report is not announced again). */
export function fieldReportAddedMessage(report: FieldReportView): FieldReportAddedMessage {
  return { messageId: `field-report:${report.id}`, report };
}

/** `materials:updated`: a reservation reaches each status once. */
export function materialsUpdatedMessage(reservation: {
  id: string;
  incidentId: string;
  status: ReservationStatus;
}): MaterialsUpdatedMessage {
  return {
    messageId: `material:${reservation.id}:${reservation.status}`,
    incidentId: reservation.incidentId,
    reservationId: reservation.id,
    status: reservation.status,
  };
}

/** `assignment:stood_down` (已撤回): happens once per card. */
export function assignmentStoodDownMessage(
  card: { id: string; incidentId: string },
  stoodDownAt: Date,
  reason: string,
): AssignmentStoodDownMessage {
  return {
    messageId: `assignment:${card.id}:stood_down`,
    assignmentId: card.id,
    incidentId: card.incidentId,
    stoodDownAt: stoodDownAt.toISOString(),
    reason,
  };
}
