import type { Server } from 'socket.io';
import type { RoleCard } from '../contracts/dispatch';
import type {
  AssignmentUpdatedMessage,
  ClientToServerEvents,
  EscalationMessage,
  IncidentLiftedMessage,
  IncidentUpdatedMessage,
  MapPublishedMessage,
  PresenceMessage,
  ServerToClientEvents,
} from '../contracts/events';

// The one place that knows how a domain fact becomes a Socket.IO message, and to which room.
// Verbs call it only after their transaction has committed. A Redis adapter for several nodes
// plugs into the io server behind this module without touching the verbs.

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;

export const rooms = {
  user: (userId: string) => `user:${userId}`,
  command: (jurisdictionId: string) => `command:${jurisdictionId}`,
};

// How long a push waits for the phone's receipt before it counts as not delivered (and is retried).
const RECEIPT_TIMEOUT_MS = 10_000;

export type Emitter = {
  /** Pushes a role card; resolves true once any of the person's connected phones confirmed receipt. */
  assignmentNew(userId: string, card: RoleCard): Promise<boolean>;
  assignmentUpdated(jurisdictionId: string, message: AssignmentUpdatedMessage): void;
  incidentUpdated(jurisdictionId: string, message: IncidentUpdatedMessage): void;
  incidentLifted(userIds: string[], message: IncidentLiftedMessage): void;
  mapPublished(jurisdictionId: string, userIds: string[], message: MapPublishedMessage): void;
  /** An escalation step ran: the command room sees every step, `userIds` are the people it pages. */
  escalationRaised(jurisdictionId: string, userIds: string[], message: EscalationMessage): void;
};

const globalForIo = globalThis as unknown as { ecodispatchIo?: RealtimeServer; ecodispatchIsCluster?: boolean };

export function setRealtimeServer(io: RealtimeServer | undefined): void {
  globalForIo.ecodispatchIo = io;
  if (!io) globalForIo.ecodispatchIsCluster = false;
}

/** Several nodes share rooms through an adapter (server/realtime/cluster-adapter.ts). */
export function setClusterMode(isCluster: boolean): void {
  globalForIo.ecodispatchIsCluster = isCluster;
}

function io(): RealtimeServer | undefined {
  return globalForIo.ecodispatchIo;
}

type Broadcast = ReturnType<RealtimeServer['to']>;

// With a timeout, a broadcast's callback gets every receipt that arrived (none if nobody is connected).
function pushAndWaitForReceipt(target: Broadcast, card: RoleCard): Promise<boolean> {
  return new Promise((resolve) => {
    target
      .timeout(RECEIPT_TIMEOUT_MS)
      .emit('assignment:new', card, (_error: Error | null, receipts: Array<{ received?: unknown }>) =>
        resolve(receipts.some((receipt) => receipt?.received === true)),
      );
  });
}

/** Sends through the process's Socket.IO server; silent when none is attached (scripts, seeding). */
export const socketEmitter: Emitter = {
  assignmentNew(userId, card) {
    const server = io();
    if (!server) return Promise.resolve(false);
    const room = rooms.user(userId);
    if (globalForIo.ecodispatchIsCluster) {
      // Several nodes: phones on other nodes get the card as a plain broadcast and report it with
      // their own `assignment:delivered` event on the node they are connected to (the phone page
      // sends it for every card it holds). A broadcast with an acknowledgement across nodes cost a
      // PUBSUB NUMSUB and two published replies per card (bench/multi-node-fanout.ts). Only this
      // node's phones answer the push itself.
      const here = [...(server.of('/').adapter.rooms.get(room) ?? [])];
      // Without a receipt callback (the event's type declares one: phones check for it).
      (server.to(room).except(here) as unknown as { emit(event: 'assignment:new', card: RoleCard): void }).emit('assignment:new', card);
      if (here.length === 0) return Promise.resolve(false);
      return pushAndWaitForReceipt(server.local.to(room), card);
    }
    return pushAndWaitForReceipt(server.to(room), card);
  },
  assignmentUpdated(jurisdictionId, message) {
    io()?.to(rooms.command(jurisdictionId)).emit('assignment:updated', message);
    io()?.to(rooms.user(message.assignment.userId)).emit('assignment:updated', message);
  },
  incidentUpdated(jurisdictionId, message) {
    io()?.to(rooms.command(jurisdictionId)).emit('incident:updated', message);
  },
  incidentLifted(userIds, message) {
    if (userIds.length === 0) return;
    io()?.to(userIds.map(rooms.user)).emit('incident:lifted', message);
  },
  mapPublished(jurisdictionId, userIds, message) {
    // Only an id and a version, and only to people who may read that map: command and the
    // responders assigned there. Each re-reads the map through its access-checked API.
    io()
      ?.to([rooms.command(jurisdictionId), ...userIds.map(rooms.user)])
      .emit('map:published', message);
  },
  escalationRaised(jurisdictionId, userIds, message) {
    io()
      ?.to([rooms.command(jurisdictionId), ...userIds.map(rooms.user)])
      .emit('escalation:raised', message);
  },
};

/**
 * Presence is not a domain fact written by a verb, so it stays out of `Emitter` (verbs and their
 * test doubles never see it); it still leaves through this module like every other push.
 */
export const presenceEmitter = {
  presenceChanged(jurisdictionId: string, message: PresenceMessage) {
    io()?.to(rooms.command(jurisdictionId)).emit('presence:changed', message);
  },
};
