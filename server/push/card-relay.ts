import type { Server } from 'socket.io';
import type { CardRelay, RelayedCard } from './emitter';
import { RELAY_QUIET_MS } from './flow-control';
import { withTurnsHeld } from './run-in-turn';

const CARDS_EVENT = 'ecodispatch:cards';

/** Socket.IO's server-to-server messages over the Redis adapter, as the relay and cluster presence use them. */
export type ServerBus<Message = unknown> = {
  serverSideEmit(event: string, message: Message): void;
  on(event: string, listener: (message: Message) => void): void;
};

/**
 * Role cards between nodes: the node that dispatches sends each batch of cards once, as one
 * server-to-server message; every other node pushes each card to its own phones in that person's
 * room (most rooms are empty on any one node: Socket.IO skips them). The phones report a card with
 * `assignment:delivered` on their own node, which records it in the shared database.
 */
export function cardRelay(io: Server): CardRelay {
  const bus = io as unknown as ServerBus;
  // Without a receipt callback (the event's type declares one: phones check for it).
  type PlainPush = { emit(event: 'assignment:new', card: unknown): void };
  const holdTurns = holdWhileBatchesArrive();
  bus.on(CARDS_EVENT, (batch) => {
    if (!Array.isArray(batch)) return;
    holdTurns();
    for (const item of batch as Partial<RelayedCard>[]) {
      // From another node of the same deployment, but still checked: a malformed entry is skipped.
      if (typeof item?.room !== 'string' || !item.room.startsWith('user:') || typeof item.card !== 'object' || item.card === null) continue;
      (io.local.to(item.room) as unknown as PlainPush).emit('assignment:new', item.card);
    }
  });
  return (cards) => bus.serverSideEmit(CARDS_EVENT, cards);
}

/**
 * The dispatching node holds its phones' events while it pushes a fan-out (withTurnsHeld in
 * fan-out.ts); a node pushing relayed cards does the same, or the receipts and 收到 of its
 * first phones run between two batches and make the last cards late. The hold ends
 * RELAY_QUIET_MS after the last batch (a fan-out on another node arrives as one batch per push
 * slice, a few milliseconds apart), so a node that dies mid-fan-out cannot keep it.
 */
function holdWhileBatchesArrive(): () => void {
  let release: (() => void) | undefined;
  let quietTimer: NodeJS.Timeout | undefined;
  return () => {
    if (!release) void withTurnsHeld(() => new Promise<void>((resolve) => (release = resolve)));
    clearTimeout(quietTimer);
    quietTimer = setTimeout(() => {
      release?.();
      release = undefined;
    }, RELAY_QUIET_MS);
  };
}
