import { io as connect, type Socket } from 'socket.io-client';
import type { AssignmentView, IncidentUpdateView, RoleCard } from '@/server/contracts/dispatch';
import type { AckResult, AssignmentsSyncReply, ClientToServerEvents, ServerToClientEvents } from '@/server/contracts/events';

type FieldSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type FieldClientOptions = {
  /** e.g. http://127.0.0.1:3100 — or a loopback proxy in front of it, to cut the network. */
  url: string;
  cookie: string;
  /** Reconnect like the phone does (for ever, backing off to 5 s); false for single-shot tests. */
  reconnect?: boolean;
};

/**
 * The phone's delivery protocol, headless, for fault and load tests: it acknowledges every pushed
 * card with a receipt, reports what it holds on every (re)connect and takes what the server says is
 * missing, and keeps cards by assignment id so that a card is *shown* (alerted) exactly once.
 * `shownCount` counts alerts per assignment: any value above 1 is a duplicate the person would see.
 * 情况通报 are kept the same way, by update id (`updatesShown` counts banners), and confirmed with
 * `incident:updates-received` once held, as the phone page does.
 */
export function createFieldClient({ url, cookie, reconnect = true }: FieldClientOptions) {
  const cards = new Map<string, RoleCard>();
  const shownCount = new Map<string, number>();
  const updates = new Map<string, IncidentUpdateView>();
  const updatesShown = new Map<string, number>();
  const syncReplies: AssignmentsSyncReply[] = [];
  /** Receipts the server refused (each as its answer), kept for a failing test to show. */
  const receiptErrors: string[] = [];
  let receiptsSent = 0;
  let receiptsAnswered = 0;
  let connects = 0;

  const socket: FieldSocket = connect(url, {
    extraHeaders: { cookie },
    transports: ['websocket'],
    reconnection: reconnect,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
  });

  const hold = (card: RoleCard) => {
    const existing = cards.get(card.assignmentId);
    if (!existing) shownCount.set(card.assignmentId, (shownCount.get(card.assignmentId) ?? 0) + 1);
    cards.set(card.assignmentId, existing ? { ...existing, status: card.status } : card);
  };

  const applyView = (view: AssignmentView) => {
    const card = cards.get(view.id);
    if (!card) return;
    if (view.closedAt) cards.delete(view.id);
    else cards.set(view.id, { ...card, status: view.status });
  };

  socket.on('assignment:new', (card, receipt) => {
    hold(card);
    holdUpdates(card.updates);
    // As the phone page does: answer the push, or (a push relayed from another node comes without
    // one) report the card with its own event.
    if (typeof receipt === 'function') receipt({ received: true });
    else socket.emit('assignment:delivered', { assignmentId: card.assignmentId }, () => undefined);
  });
  socket.on('assignment:updated', ({ assignment }) => applyView(assignment));

  function confirmUpdates(incidentId: string) {
    const seqs = [...updates.values()].filter((update) => update.incidentId === incidentId).map((update) => update.seq);
    if (seqs.length > 0)
      socket.emit('incident:updates-received', { incidentId, seq: Math.max(...seqs) }, (reply: AckResult<unknown>) => {
        receiptsAnswered += 1;
        if (!reply?.ok) receiptErrors.push(JSON.stringify(reply));
      });
    if (seqs.length > 0) receiptsSent += 1;
  }
  function holdUpdates(incoming: IncidentUpdateView[]) {
    for (const update of incoming) {
      if (!updates.has(update.id)) updatesShown.set(update.id, (updatesShown.get(update.id) ?? 0) + 1);
      updates.set(update.id, update);
    }
    for (const incidentId of new Set(incoming.map((update) => update.incidentId))) confirmUpdates(incidentId);
  }
  socket.on('incident:update-posted', ({ update }) => holdUpdates([update]));
  socket.on('incident:lifted', ({ incidentId }) => {
    for (const [id, card] of cards) if (card.incidentId === incidentId) cards.delete(id);
  });

  const sync = async () => {
    const held = [...cards.keys()];
    // Bound: emitWithAck uses `this`; a detached reference threw, and the catch below hid it (no sync ever ran).
    const timed = socket.timeout(8_000);
    const emit = timed.emitWithAck.bind(timed) as (event: string, payload: unknown) => Promise<AckResult<AssignmentsSyncReply>>;
    try {
      const reply = await emit('assignments:sync', { held });
      if (!reply.ok) return;
      syncReplies.push(reply.data);
      const stillOpen = new Set(reply.data.held.map((view) => view.id));
      for (const id of held) if (!stillOpen.has(id)) cards.delete(id);
      for (const view of reply.data.held) applyView(view);
      for (const card of reply.data.missing) hold(card);
      holdUpdates([...reply.data.missing, ...reply.data.revised].flatMap((card) => card.updates));
    } catch {
      // Timed out: the next connect asks again.
    }
  };

  socket.on('connect', () => {
    connects += 1;
    void sync();
  });

  return {
    socket,
    cards,
    shownCount,
    updates,
    updatesShown,
    /** Every answer to `assignments:sync`, in order. */
    syncReplies,
    receiptErrors,
    receipts: () => ({ sent: receiptsSent, answered: receiptsAnswered }),
    get connects() {
      return connects;
    },
    /** Resolves once connected (first time); rejects on an authentication/origin refusal. */
    ready: () =>
      new Promise<void>((resolve, reject) => {
        if (socket.connected) return resolve();
        socket.once('connect', () => resolve());
        socket.once('connect_error', (error) => (reconnect ? undefined : reject(error)));
      }),
    /** Any assignment shown more than once. */
    duplicates: () => [...shownCount, ...updatesShown].filter(([, count]) => count > 1).map(([id]) => id),
    close: () => socket.disconnect(),
  };
}

export type FieldClient = ReturnType<typeof createFieldClient>;
