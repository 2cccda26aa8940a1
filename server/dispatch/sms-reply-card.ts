// PURE: which open card an SMS reply answers.
import { cardReplyCode, REPLY_CODE_LENGTH } from '../notify/card-link';

export type SmsReplyPick<T> = { card: T } | { card: null; reason: 'no_open_card' | 'ambiguous_reply' | 'code_not_open' };

const CODE = new RegExp(`(?<!\\d)\\d{${REPLY_CODE_LENGTH}}(?!\\d)`, 'g');

/**
 * The card a reply acknowledges. A reply carrying a card's code (回复 1234 确认收到) answers that card.
 * A reply with no code answers the sender's only open card. Otherwise nothing is acknowledged:
 * several open cards and no code naming exactly one, or a code of no open card (one already
 * acknowledged or closed). A 收到 recorded on the wrong card would tell the officer someone has seen
 * a card they have not; left open, the card keeps escalating and the person can still tap it.
 */
export function pickRepliedCard<T extends { id: string }>(openCards: readonly T[], text: string): SmsReplyPick<T> {
  if (openCards.length === 0) return { card: null, reason: 'no_open_card' };
  const codes = new Set(text.match(CODE) ?? []);
  const named = openCards.filter((card) => codes.has(cardReplyCode(card.id)));
  if (named.length === 1) return { card: named[0]! };
  if (named.length === 0 && codes.size > 0) return { card: null, reason: 'code_not_open' };
  if (named.length === 0 && openCards.length === 1) return { card: openCards[0]! };
  return { card: null, reason: 'ambiguous_reply' };
}
