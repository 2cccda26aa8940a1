import type { RoleCard } from '../contracts/dispatch';
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

// What domain code may announce, and nothing about how: verbs and workers receive an Emitter in
// their ServerDeps (server/context.ts), built once by server/start-server.ts. The one concrete
// emitter is socket-emitter.ts; tests pass a recording one. Verbs call it only after their
// transaction has committed, with a message built by messages.ts.

export type Emitter = {
  /** Pushes a role card; resolves true once any of the person's connected phones confirmed receipt. */
  assignmentNew(userId: string, card: RoleCard): Promise<boolean>;
  assignmentUpdated(jurisdictionId: string, message: AssignmentUpdatedMessage): void;
  incidentUpdated(jurisdictionId: string, message: IncidentUpdatedMessage): void;
  incidentLifted(userIds: string[], message: IncidentLiftedMessage): void;
  /** 情况通报 to these assignees' phones; their receipt comes back as its own event. */
  incidentUpdatePosted(userIds: string[], message: IncidentUpdatePostedMessage): void;
  /** 已撤回: to the stood-down person's phones. */
  assignmentStoodDown(userId: string, message: AssignmentStoodDownMessage): void;
  mapPublished(jurisdictionId: string, userIds: string[], message: MapPublishedMessage): void;
  /** An escalation step ran: the command room sees every step, `userIds` are the people it pages. */
  escalationRaised(jurisdictionId: string, userIds: string[], message: EscalationMessage): void;
  /** A report from another system (pending incident) was filed or decided: the command room. */
  reportUpdated(jurisdictionId: string, message: ReportUpdatedMessage): void;
  /** A field report was stored: the command room's board and map show it. */
  fieldReportAdded(jurisdictionId: string, message: FieldReportAddedMessage): void;
  /** A reservation moved: the phones of the role's assignees (the board hears through incident:updated). */
  materialsUpdated(userIds: string[], message: MaterialsUpdatedMessage): void;
};

/**
 * Presence is not a domain fact written by a verb, so it stays out of `Emitter` (verbs and their
 * test doubles never see it); the socket door and the cluster presence receive it instead.
 */
export type PresencePush = {
  presenceChanged(jurisdictionId: string, message: PresenceMessage): void;
};

/** A role card bound for a person's phones on the other nodes (card-relay.ts). */
export type RelayedCard = { room: string; card: RoleCard };
/** Hands a batch of cards to the other nodes, which push them to their own phones. */
export type CardRelay = (cards: RelayedCard[]) => void;
