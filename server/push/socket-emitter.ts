import type { Server } from 'socket.io';
import type { RoleCard } from '../contracts/dispatch';
import type { ClientToServerEvents, ServerToClientEvents } from '../contracts/events';
import type { CardRelay, Emitter, PresencePush, RelayedCard } from './emitter';
import { RECEIPT_TIMEOUT_MS } from './flow-control';
import { rooms } from './rooms';

// The one place that knows how a domain fact becomes a Socket.IO message, and to which room.
// A Redis adapter for several nodes plugs into the io server behind this module without
// touching the verbs.

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;

// On globalThis, not in module state: route handlers run in Next's bundle, which has its own copy
// of this module, while the custom server attaches the io server and the relay.
const globalForIo = globalThis as unknown as { ecodispatchIo?: RealtimeServer; ecodispatchCardRelay?: CardRelay };

export function setRealtimeServer(io: RealtimeServer | undefined): void {
  globalForIo.ecodispatchIo = io;
  if (!io) globalForIo.ecodispatchCardRelay = undefined;
}

/** Several nodes: role cards for phones elsewhere leave through `relay` (undefined: one node). */
export function setCardRelay(relay: CardRelay | undefined): void {
  globalForIo.ecodispatchCardRelay = relay;
}

function io(): RealtimeServer | undefined {
  return globalForIo.ecodispatchIo;
}

type Broadcast = ReturnType<RealtimeServer['to']>;

// Cards for other nodes are gathered for the rest of the current synchronous stretch and leave
// as one message: a fan-out pushes its cards in slices (fan-out.ts), so each
// slice becomes one publish instead of one per card. A microtask, not a timer: the batch leaves
// before anything emitted later in the same turn (an update cannot overtake its card).
let relayBatch: RelayedCard[] = [];

function relayToOtherNodes(relay: CardRelay, item: RelayedCard): void {
  relayBatch.push(item);
  if (relayBatch.length > 1) return;
  queueMicrotask(() => {
    const batch = relayBatch;
    relayBatch = [];
    relay(batch);
  });
}

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
export const socketEmitter: Emitter & PresencePush = {
  assignmentNew(userId, card) {
    const server = io();
    if (!server) return Promise.resolve(false);
    const room = rooms.user(userId);
    const relay = globalForIo.ecodispatchCardRelay;
    if (!relay) return pushAndWaitForReceipt(server.to(room), card);
    // Several nodes: the other nodes push the card to their phones without a receipt; those phones
    // report it with their own `assignment:delivered` event on their node (the phone page sends it
    // for every card it holds). A broadcast with an acknowledgement across nodes cost a PUBSUB
    // NUMSUB and two published replies per card, and one publish per card still cost 1.44× one
    // node (bench/multi-node-fanout.ts). Only this node's phones answer the push itself.
    relayToOtherNodes(relay, { room, card });
    if (!server.of('/').adapter.rooms.has(room)) return Promise.resolve(false);
    return pushAndWaitForReceipt(server.local.to(room), card);
  },
  assignmentUpdated(jurisdictionId, message) {
    io()?.to(rooms.command(jurisdictionId)).emit('assignment:updated', message);
    io()?.to(rooms.user(message.assignment.userId)).emit('assignment:updated', message);
  },
  fieldReportAdded(jurisdictionId, message) {
    io()?.to(rooms.command(jurisdictionId)).emit('field-report:added', message);
  },
  materialsUpdated(userIds, message) {
    if (userIds.length === 0) return;
    io()?.to(userIds.map(rooms.user)).emit('materials:updated', message);
  },
  incidentUpdated(jurisdictionId, message) {
    io()?.to(rooms.command(jurisdictionId)).emit('incident:updated', message);
  },
  incidentLifted(userIds, message) {
    if (userIds.length === 0) return;
    io()?.to(userIds.map(rooms.user)).emit('incident:lifted', message);
  },
  incidentUpdatePosted(userIds, message) {
    if (userIds.length === 0) return;
    io()?.to(userIds.map(rooms.user)).emit('incident:update-posted', message);
  },
  assignmentStoodDown(userId, message) {
    io()?.to(rooms.user(userId)).emit('assignment:stood_down', message);
  },
  mapPublished(jurisdictionId, userIds, message) {
    // Only an id and a version, and only to people who may read that map: command and the
    // responders assigned there. Each re-reads the map through its access-checked API.
    io()
      ?.to([rooms.command(jurisdictionId), ...userIds.map(rooms.user)])
      .emit('map:published', message);
  },
  reportUpdated(jurisdictionId, message) {
    io()?.to(rooms.command(jurisdictionId)).emit('report:updated', message);
  },
  escalationRaised(jurisdictionId, userIds, message) {
    io()
      ?.to([rooms.command(jurisdictionId), ...userIds.map(rooms.user)])
      .emit('escalation:raised', message);
  },
  presenceChanged(jurisdictionId, message) {
    io()?.to(rooms.command(jurisdictionId)).emit('presence:changed', message);
  },
};
