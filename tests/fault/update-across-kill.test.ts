// Fault test: 情况通报 across kill -9. Phones hold their cards; some are offline. The duty officer
// posts an update and the server is killed the moment the first phone receives it. Started again
// on the same database, every phone (those that were offline too) must end up holding the update
// exactly once, and the server must know each one has it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeFleet, connectFleet, postJson, triggerOverHttp, waitUntil, type Phone } from './support/fleet';
import { createLoadFixture, type LoadFixture } from './support/load-fixture';
import { freePort, startServerProcess, type ServerProcess } from './support/server-process';

const PHONES = 40;
const OFFLINE = 10;

describe('情况通报 across kill -9', () => {
  let fixture: LoadFixture;
  let server: ServerProcess | undefined;
  let phones: Phone[] = [];

  beforeAll(async () => {
    fixture = createLoadFixture({ staff: PHONES });
    server = await startServerProcess({ ...fixture, port: await freePort() });
  });
  afterAll(async () => {
    closeFleet(phones);
    await server?.stop();
    fixture?.cleanup();
  });

  it('every phone, online or offline at the time, ends with the update exactly once', async () => {
    const first = server!;
    phones = await connectFleet(fixture.sessions.staff.map((person) => ({ ...person, url: first.url })));
    const trigger = await triggerOverHttp(first.url, fixture.duty.cookie, fixture.sessions.planId, randomUUID());
    expect(trigger.status).toBe(201);
    const incidentId = trigger.body.incident.id;
    await waitUntil(
      () => phones.every((phone) => phone.client.cards.size === 1),
      30_000,
      () => 'cards did not all arrive',
    );

    const offline = phones.slice(0, OFFLINE);
    for (const phone of offline) phone.client.socket.disconnect();

    let killed: Promise<unknown> | undefined;
    const onFirstUpdate = () => {
      killed ??= first.killHard();
    };
    for (const phone of phones) phone.client.socket.once('incident:update-posted', onFirstUpdate);
    // The answer may die with the server (the push goes out before it): the update is what was committed.
    const posting = postJson(`${first.url}/api/incidents/${incidentId}/updates`, fixture.duty.cookie, {
      text: '溯源确认：窨井非法倾倒；污水厂已关闭排放阀',
    }).catch((error: unknown) => error);
    await waitUntil(
      () => killed !== undefined,
      15_000,
      () => 'no phone received the update',
    );
    await killed;
    for (const phone of phones) phone.client.socket.off('incident:update-posted', onFirstUpdate);
    await posting;
    const [committed] = fixture.query<{ id: string }>('SELECT id FROM incident_updates WHERE incident_id = ?', incidentId);
    const updateId = committed!.id;
    const heldAtKill = phones.filter((phone) => phone.client.updates.has(updateId)).length;

    server = await startServerProcess({ ...fixture, port: first.port });
    for (const phone of offline) phone.client.socket.connect();
    const describe = () =>
      `${phones.filter((phone) => phone.client.updates.has(updateId)).length}/${phones.length} hold the update; ` +
      `${phones.filter((phone) => phone.client.duplicates().length > 0).length} shown something twice; ` +
      `receipts refused: ${JSON.stringify(phones.flatMap((phone) => phone.client.receiptErrors).slice(0, 5))}`;
    await waitUntil(() => phones.every((phone) => phone.client.updates.has(updateId)), 60_000, describe);
    console.info(`update across kill -9: ${heldAtKill}/${PHONES} phones held it at the kill, ${PHONES}/${PHONES} after restart`);
    // Give the redelivery worker its chance to (wrongly) show it again.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(phones.filter((phone) => phone.client.duplicates().length > 0)).toEqual([]);
    expect(phones.every((phone) => phone.client.updatesShown.get(updateId) === 1)).toBe(true);

    // And the server knows: no card is still waiting for its receipt. A phone whose receipt died with
    // the old server says so again once it is back (its sync gets the card as revised); it comes back
    // on socket.io's reconnection backoff (up to 5 s between attempts), so this is waited for, bounded.
    const laggingPhones = () => {
      const ids = new Set(
        fixture
          .query<{ user_id: string }>(
            'SELECT user_id FROM assignments WHERE incident_id = ? AND closed_at IS NULL AND updates_seen_seq < 1',
            incidentId,
          )
          .map((row) => row.user_id),
      );
      return phones.filter((phone) => ids.has(phone.userId));
    };
    await waitUntil(
      () => laggingPhones().length === 0,
      30_000,
      () =>
        `${describe()}; still lagging: ` +
        laggingPhones()
          .map(
            (phone) =>
              `${offline.includes(phone) ? 'offline' : 'online'} connects=${phone.client.connects} receipts=${JSON.stringify(phone.client.receipts())}`,
          )
          .join(' | '),
    );
  });
});
