import { createHash } from 'node:crypto';

// PURE (node:crypto only). The short code in an SMS link: 8 base62 characters derived from the
// assignment id. Nothing is stored and nothing is secret: the code only points at a card, and
// /f/<code> resolves it only for the card's own assignee (and command staff of the jurisdiction),
// so guessing codes reveals nothing. Assignment ids are random UUIDs, so codes do not collide in practice.
export const CARD_CODE_LENGTH = 8;
export const CARD_CODE_PATTERN = /^[0-9A-Za-z]{8}$/;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function cardLinkCode(assignmentId: string): string {
  const digest = createHash('sha256').update(`ecodispatch/card/${assignmentId}`).digest();
  let value = digest.readBigUInt64BE(0);
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
