import type { NotificationChannel, NotificationKind } from '../../db/schema';

/** What a service worker receives in a push event, exactly: the phone shows title/body and opens url. */
export type PushPayload = { title: string; body: string; url: string; tag: string };

/** One message, composed for one channel at send time. */
export type OutgoingMessage = {
  /** The outbox row id: the same on every retry, so a receiver can drop duplicates. */
  id: string;
  kind: NotificationKind;
  /** The person to reach; null for a group. Web Push looks up that person's subscriptions. */
  userId: string | null;
  /** SMS/voice: the number to call (exactly one). Group bots: the mobiles to @mention. */
  phones: string[];
  /** The SMS or group text; for voice, the words to speak. */
  text: string;
  push: PushPayload;
};

/** Every channel beyond the open page sits behind this: send, or throw a DeliveryError. */
export type Notifier = {
  channel: NotificationChannel;
  send(message: OutgoingMessage): Promise<void>;
};

/**
 * Why a send failed. `reason` is a short code (no_phone, timeout, http_500…) stored as the row's
 * last error and shown on the admin page; a permanent failure is not retried.
 */
export class DeliveryError extends Error {
  constructor(
    readonly reason: string,
    readonly isPermanent = false,
    detail = '',
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'DeliveryError';
  }
}
