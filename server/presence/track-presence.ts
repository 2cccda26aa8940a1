import type { Actor } from '../kernel/auth/actor';
import type { PresencePush } from '../push/emitter';
import { presenceChangedMessage } from '../push/messages';
import type { PresenceTracker } from './presence-tracker';

/** The slice of a Socket.IO socket that presence needs (kept small so tests can fake it). */
export type PresenceSocket = {
  conn: { on(event: 'packet', listener: () => void): unknown };
  on(event: 'disconnect', listener: (reason: string) => void): unknown;
};

/**
 * Counts one connection of `actor` for as long as it lives. Only the first connection and the
 * last disconnection of a person are transitions; those, for field staff, go to the command
 * room so the board's dot changes without a reload. Each transition gets its own message id,
 * so a later "online" is never dropped as a repeat of an earlier one.
 */
export function trackPresence(
  socket: PresenceSocket,
  actor: Actor,
  { tracker, push, now = () => new Date() }: { tracker: PresenceTracker; push: PresencePush; now?: () => Date },
) {
  const announce = (isOnline: boolean) => {
    if (actor.role !== 'field_staff') return;
    push.presenceChanged(
      actor.jurisdictionId,
      presenceChangedMessage({ userId: actor.id, isOnline, lastSeenAt: tracker.state(actor.id).lastSeenAt?.toISOString() ?? null }),
    );
  };

  if (tracker.connected(actor.id, now())) announce(true);
  // Every packet, pongs included, is a sign of life; "last seen" of a dead phone is its last one.
  socket.conn.on('packet', () => tracker.seen(actor.id, now()));
  socket.on('disconnect', (reason) => {
    if (tracker.disconnected(actor.id, now(), { isSilent: reason === 'ping timeout' })) announce(false);
  });
}
