import { z } from 'zod';

/** What the SMS gateway posts for a reply it received (docs/channels.md, "Replies"). */
export const smsInboundInput = z.object({
  /** The sender's number as the operator gave it: digits, optionally with +86 / 86 in front. */
  from: z.string().trim().min(3).max(32),
  text: z.string().max(1000).default(''),
  /** The gateway's id for this SMS: a retry with the same id is answered as before, nothing recorded twice. */
  id: z.string().max(200).optional(),
});

/** The answer: always 200 once authenticated, so a gateway never retries a reply we decided to ignore. */
export type SmsInboundResult =
  | { outcome: 'acknowledged'; assignmentId: string }
  | { outcome: 'ignored'; reason: 'unknown_number' | 'no_open_card' | 'ambiguous_reply' | 'code_not_open' };
