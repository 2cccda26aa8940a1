// PURE module: the typed Socket.IO contract used by both ends.
import type { AssignmentView, IncidentSummary, RoleCard } from './dispatch';

export type AckError = { code: string; message: string };
export type AckResult<T> = { ok: true; data: T } | { ok: false; error: AckError };
export type Ack<T> = (result: AckResult<T>) => void;

/** Every push carries a stable `messageId`: a redelivery of the same fact has the same id. */
export type AssignmentUpdatedMessage = { messageId: string; assignment: AssignmentView };
export type IncidentUpdatedMessage = { messageId: string; incident: IncidentSummary };
export type IncidentLiftedMessage = { messageId: string; incidentId: string; liftedAt: string };
export type MapPublishedMessage = { messageId: string; enterpriseId: string; version: number };

export type ServerToClientEvents = {
  'assignment:new': (card: RoleCard) => void;
  'assignment:updated': (message: AssignmentUpdatedMessage) => void;
  'incident:updated': (message: IncidentUpdatedMessage) => void;
  'incident:lifted': (message: IncidentLiftedMessage) => void;
  'map:published': (message: MapPublishedMessage) => void;
};

export type ClientToServerEvents = {
  'assignment:delivered': (payload: unknown, ack?: Ack<{ status: string }>) => void;
  'assignment:ack': (payload: unknown, ack?: Ack<AssignmentView>) => void;
  'assignment:status': (payload: unknown, ack?: Ack<AssignmentView>) => void;
  'assignments:sync': (payload: unknown, ack?: Ack<RoleCard[]>) => void;
};
