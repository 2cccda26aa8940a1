import { z } from 'zod';

// What PushSubscription.toJSON() gives in a browser. Keys are unpadded base64url: p256dh is a
// 65-byte P-256 point (87 chars), auth 16 bytes (22 chars); a little slack for padding.
const base64Url = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/);

// Real push services are HTTPS. Refusing anything else also keeps the server from being pointed at
// plain-HTTP internal addresses.
const endpoint = z
  .string()
  .max(2_048)
  .url()
  .refine((value) => value.startsWith('https://'), 'must be an https:// URL');

export const pushSubscriptionInput = z.object({
  endpoint,
  expirationTime: z.number().nullable().optional(),
  keys: z.object({ p256dh: base64Url(80, 100), auth: base64Url(16, 32) }),
});

export const pushUnsubscribeInput = z.object({ endpoint });
