import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignments } from '@/db/schema';
import type { IncidentUpdatePostedMessage } from '@/server/contracts/events';
import { postIncidentUpdate } from '@/server/dispatch';
import { createFieldClient, type FieldClient } from '../helpers/field-client';
import { collect, settle, startRealtimeServer, waitFor } from '../helpers/realtime-server';

// 情况通报 over real sockets: every open card's phone gets the update once, confirms it, and a phone
// that was offline when it was posted gets it on reconnect, exactly once; a phone that stays
// silent is pushed it again with the same message id.

let server: Awaited<ReturnType<typeof startRealtimeServer>>;
const phones: FieldClient[] = [];
beforeEach(async () => {
  server = await startRealtimeServer();
});
afterEach(async () => {
  for (const phone of phones.splice(0)) phone.close();
  await server.stop();
});

async function phoneOf(username: string) {
  const phone = createFieldClient({ url: server.url, cookie: await server.cookieFor(username) });
  phones.push(phone);
  await phone.ready();
  return phone;
}

async function until(check: () => Promise<boolean>, timeoutMs = 5_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await settle(50);
  }
}

const seenSeqOf = async (assignmentId: string) =>
  (await server.db.select().from(assignments).where(eq(assignments.id, assignmentId)))[0]!.updatesSeenSeq;

describe('情况通报 delivery', () => {
  it('reaches a phone that was offline when it was posted exactly once, after reconnect, and is confirmed', async () => {
    const env1 = await phoneOf('env1');
    const police1 = await phoneOf('police1');
    const result = await server.triggerPlan('water_oil');
    const idOf = (username: string) => result.assignments.find((row) => row.username === username)!.id;
    await waitFor(() => env1.cards.size === 1 && police1.cards.size === 1);

    police1.socket.disconnect();
    const update = await postIncidentUpdate({
      ctx: await server.ctxFor('duty'),
      input: { incidentId: result.incident.id, text: '溯源：窨井非法倾倒；下游截流坝施工中' },
    });

    await waitFor(() => env1.updates.has(update.id));
    await until(async () => (await seenSeqOf(idOf('env1'))) === 1);
    expect(police1.updates.size).toBe(0);
    expect(await seenSeqOf(idOf('police1'))).toBe(0);

    const syncsBefore = police1.syncReplies.length;
    police1.socket.connect();
    await waitFor(() => police1.updates.has(update.id), 5_000);
    // The reconnect's sync itself carries it (the held card, in full), not only a later re-push.
    await waitFor(() => police1.syncReplies.length > syncsBefore);
    expect(police1.syncReplies[syncsBefore]!.revised.flatMap((card) => card.updates.map((held) => held.id))).toEqual([update.id]);
    expect(police1.updates.get(update.id)!.text).toBe(update.text);
    // Past the first re-push time: the confirmed update is not pushed again, and nothing is shown twice.
    await settle(3_000);
    expect(await seenSeqOf(idOf('police1'))).toBe(1);
    expect(env1.duplicates()).toEqual([]);
    expect(police1.duplicates()).toEqual([]);
    expect(env1.updatesShown.get(update.id)).toBe(1);
    expect(police1.updatesShown.get(update.id)).toBe(1);
  });

  it('pushes an unconfirmed update again with the same message id while the phone is online', async () => {
    const socket = await server.connectAs('env2');
    const pushed = collect(socket, 'incident:update-posted');
    const result = await server.triggerPlan('water_oil');
    await postIncidentUpdate({ ctx: await server.ctxFor('duty'), input: { incidentId: result.incident.id, text: '围油栏已布设' } });

    // This phone never confirms: the redelivery worker tries again (first after 2 s, then backing off).
    await waitFor(() => pushed.length >= 2, 8_000);
    const ids = new Set(pushed.map((message: IncidentUpdatePostedMessage) => message.messageId));
    expect([...ids]).toEqual([`update:${result.incident.id}:1`]);
    socket.close();
  });
});
