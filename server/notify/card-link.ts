import { createHash } from 'node:crypto';

// PURE (node:crypto only). The short code in an SMS link: 8 base62 characters derived from the
// assignment id. Nothing is stored and nothing is secret: the code only points at a card, and
// /f/<code> resolves it only for the card's own assignee (and command staff of the jurisdiction),
// so guessing codes reveals nothing. Assignment ids are random UUIDs, so codes do not collide in practice.
export const CARD_CODE_LENGTH = 8;
export const CARD_CODE_PATTERN = /^[0-9A-Za-z]{8}$/;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const cardDigest = (assignmentId: string) => createHash('sha256').update(`ecodispatch/card/${assignmentId}`).digest();

export function cardLinkCode(assignmentId: string): string {
  let value = cardDigest(assignmentId).readBigUInt64BE(0);
  let code = '';
  for (let index = 0; index < CARD_CODE_LENGTH; index += 1) {
    code += ALPHABET[Number(value % 62n)];
    value /= 62n;
  }
  return code;
}

export function cardLinkUrl(baseUrl: string, assignmentId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/f/${cardLinkCode(assignmentId)}`;
}

/**
 * The code an SMS asks the person to reply with (回复 1234 确认收到): 4 digits, typed on any phone.
 * It only tells apart the few cards one person has open at once (server/dispatch/sms-reply-card.ts);
 * two of them sharing a code (1 in 10,000) makes the reply ambiguous, never a wrong 收到.
 */
export const REPLY_CODE_LENGTH = 4;

export function cardReplyCode(assignmentId: string): string {
  return String(cardDigest(assignmentId).readUInt32BE(8) % 10 ** REPLY_CODE_LENGTH).padStart(REPLY_CODE_LENGTH, '0');
}
