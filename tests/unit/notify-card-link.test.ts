import { afterEach, describe, expect, it } from 'vitest';
import { triggerIncident } from '@/server/dispatch';
import { cardLinkCode, CARD_CODE_PATTERN } from '@/server/notify/card-link';
import { resolveCardLink } from '@/server/notify/resolve-card-link';
import { createSeededDb, RIVER_POINT } from '../helpers/fixtures';

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
afterEach(() => fixture?.close());

async function setup() {
  fixture = await createSeededDb();
  const result = await triggerIncident({
    ctx: await fixture.ctxFor('duty'),
    input: { planId: fixture.ids.planIds.get('water_oil')!, location: RIVER_POINT, description: '梁滩河油污' },
  });
  const card = result.assignments.find((a) => a.username === 'env1')!;
  const resolveAs = async (username: string, code: string) => resolveCardLink({ ctx: await fixture.ctxFor(username), input: { code } });
  return { result, card, code: cardLinkCode(card.id), resolveAs };
}

describe('short card links (/f/<code>)', () => {
  it('are 8 base62 characters, stable per card and different between cards', async () => {
    const { result } = await setup();
    const codes = result.assignments.map((a) => cardLinkCode(a.id));
    for (const code of codes) expect(code).toMatch(CARD_CODE_PATTERN);
    expect(new Set(codes).size).toBe(codes.length);
    expect(cardLinkCode(result.assignments[0]!.id)).toBe(codes[0]);
  });

  it('open the card for its assignee, the board for command staff, and nothing for anyone else', async () => {
    const { result, card, code, resolveAs } = await setup();
    expect(await resolveAs('env1', code)).toEqual({ location: `/field?card=${card.id}` });
    expect(await resolveAs('duty', code)).toEqual({ location: `/incidents/${result.incident.id}` });
    // Another responder of the same incident, one of another, an enterprise: the same answer as an unknown code.
    for (const username of ['env2', 'env3', 'ent1']) {
      await expect(resolveAs(username, code), username).rejects.toMatchObject({ code: 'not_found', messageKey: 'cardLinkNotFound' });
    }
  });

  it('refuse unknown and malformed codes', async () => {
    const { code, resolveAs } = await setup();
    const other = code.slice(0, 7) + (code.endsWith('A') ? 'B' : 'A');
    for (const bad of [other, '', 'short', `${code}x`, '../../..', 'abc%2Fdef']) {
      await expect(resolveAs('env1', bad), bad).rejects.toMatchObject({ code: 'not_found' });
    }
  });
});
