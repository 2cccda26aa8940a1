import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickRepliedCard } from '@/server/dispatch/sms-reply-card';
import { cardReplyCode } from '@/server/notify/card-link';

// Which open card an SMS reply acknowledges: named by its code, or the only one; never a guess.
const A = { id: '0f7e2c1a-5b1d-4c47-9a7e-1d2f3a4b5c6d' };
const B = { id: '9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' };

describe('the card an SMS reply answers', () => {
  it('the codes of these two cards differ (else the cases below test nothing)', () => {
    expect(cardReplyCode(A.id)).not.toBe(cardReplyCode(B.id));
  });

  it('a bare 收到 answers the only open card, and nothing when there is none', () => {
    expect(pickRepliedCard([A], '收到')).toEqual({ card: A });
    expect(pickRepliedCard([], '收到')).toEqual({ card: null, reason: 'no_open_card' });
  });

  it('with two open cards, a bare 收到 is ambiguous; the code picks the card, wherever it stands in the text', () => {
    expect(pickRepliedCard([A, B], '收到')).toEqual({ card: null, reason: 'ambiguous_reply' });
    expect(pickRepliedCard([A, B], cardReplyCode(B.id))).toEqual({ card: B });
    expect(pickRepliedCard([A, B], `收到${cardReplyCode(A.id)}，马上出发`)).toEqual({ card: A });
  });

  it('a code of no open card (one already acknowledged) acknowledges nothing, even with one card open', () => {
    expect(pickRepliedCard([A], `收到 ${cardReplyCode(B.id)}`)).toEqual({ card: null, reason: 'code_not_open' });
  });

  it('both codes in one reply name no single card', () => {
    expect(pickRepliedCard([A, B], `${cardReplyCode(A.id)} ${cardReplyCode(B.id)}`)).toEqual({ card: null, reason: 'ambiguous_reply' });
  });

  it('digits inside a longer number are not a code', () => {
    const code = cardReplyCode(B.id);
    expect(pickRepliedCard([A, B], `请回电 1${code}9`)).toEqual({ card: null, reason: 'ambiguous_reply' });
  });

  it('never acknowledges a card the reply does not name, unless it is the only one and the reply names none', () => {
    // Replies made of free text, the codes of some open cards and of some other (closed) cards.
    const reply = (open: string[]) =>
      fc
        .array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...open, ...CLOSED).map(cardReplyCode)), { maxLength: 4 })
        .map((parts) => parts.join(' '));
    const CLOSED = [A.id, B.id];
    const scenario = fc.uniqueArray(fc.uuid(), { minLength: 0, maxLength: 5 }).chain((ids) => fc.tuple(fc.constant(ids), reply(ids)));
    fc.assert(
      fc.property(scenario, ([ids, text]) => {
        const cards = ids.map((id) => ({ id }));
        const pick = pickRepliedCard(cards, text);
        if (!pick.card) return;
        const named = new Set(text.match(/(?<!\d)\d{4}(?!\d)/g) ?? []);
        expect(named.has(cardReplyCode(pick.card.id)) || (cards.length === 1 && named.size === 0)).toBe(true);
      }),
    );
  });
});
