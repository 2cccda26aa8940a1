// Fault test 1: kill -9 the production server in the middle of a dispatch to 200 connected phones,
// start it again on the same database and port, and every phone must end up holding exactly its
// own card: none lost, none shown twice. A trigger whose answer died with the server is retried
// with the same Idempotency-Key and must name the same incident.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeFleet, connectFleet, describeFleet, triggerOverHttp, waitUntil, type Phone } from './support/fleet';
import { createLoadFixture, type LoadFixture } from './support/load-fixture';
import { freePort, startServerProcess, type ServerProcess } from './support/server-process';

const PHONES = Number(process.env.FAULT_PHONES ?? 200);
const SETTLE_MS = 2_000;

describe('kill -9 in the middle of a dispatch', () => {
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

  it('every phone ends with exactly its own card: 0 lost, 0 shown twice', async () => {
    const first = server!;
    phones = await connectFleet(fixture.sessions.staff.map((person) => ({ ...person, url: first.url })));
    const key = randomUUID();

    // kill -9 the moment the first card reaches a phone: the transaction has committed and the
    // fan-out is under way, with most receipts still unrecorded.
    let killed: Promise<unknown> | undefined;
    const onFirstCard = () => {
      killed ??= first.killHard();
    };
    for (const phone of phones) phone.client.socket.once('assignment:new', onFirstCard);
    const firstTrigger = triggerOverHttp(first.url, fixture.duty.cookie, fixture.sessions.planId, key).catch((error: unknown) =>
      error instanceof Error ? error : new Error(String(error)),
    );
    await waitUntil(
      () => killed !== undefined,
      30_000,
      () => 'no card reached any phone',
    );
    await killed;
    for (const phone of phones) phone.client.socket.off('assignment:new', onFirstCard);
    const holdingAtKill = phones.filter((phone) => phone.client.cards.size > 0).length;
    const firstOutcome = await firstTrigger;

    server = await startServerProcess({ ...fixture, port: first.port });
    const retry = await triggerOverHttp(server.url, fixture.duty.cookie, fixture.sessions.planId, key);
    expect(retry.status, JSON.stringify(retry.body)).toBe(200);
    const incidentId = retry.body.incident.id;
    if (!(firstOutcome instanceof Error)) {
      expect(firstOutcome.status).toBe(201);
      expect(firstOutcome.body.incident.id).toBe(incidentId);
    }
    expect(fixture.query<{ n: number }>('select count(*) as n from incidents')[0]!.n).toBe(1);

    const rows = fixture.query<{ id: string; user_id: string }>('select id, user_id from assignments where incident_id = ?', incidentId);
    expect(rows).toHaveLength(PHONES);
    const expected = new Map(rows.map((row) => [row.user_id, row.id]));
    const ownCard = (phone: Phone) => expected.get(phone.userId);
    const isSettled = () => phones.every((phone) => phone.client.cards.size === 1 && phone.client.cards.has(ownCard(phone)!));

    const waited = await waitUntil(isSettled, 60_000, () => describeFleet(phones, ownCard)).catch((error: Error) => error);
    // Late re-pushes or syncs must not take a card away and show it again.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    console.info(
      `[fault:kill] ${holdingAtKill}/${PHONES} phones held a card at the kill; first answer ${firstOutcome instanceof Error ? 'lost' : 'received'}; ` +
        `${waited instanceof Error ? 'NOT converged' : `converged ${waited} ms after restart`}; ${describeFleet(phones, ownCard)}`,
    );

    const lost = phones.filter((phone) => !phone.client.cards.has(ownCard(phone)!)).map((phone) => phone.username);
    const shownTwice = phones.filter((phone) => phone.client.duplicates().length > 0).map((phone) => phone.username);
    const extra = phones.filter((phone) => phone.client.cards.size > 1).map((phone) => phone.username);
    const first10 = (names: string[]) => `${names.length}${names.length ? ` (${names.slice(0, 10).join(', ')}…)` : ''}`;
    expect({ lost: first10(lost), shownTwice: first10(shownTwice), extra: first10(extra) }).toEqual({
      lost: '0',
      shownTwice: '0',
      extra: '0',
    });
    for (const phone of phones) for (const card of phone.client.cards.values()) expect(card.assigneeId).toBe(phone.userId);
    expect(fixture.query<{ n: number }>('select count(*) as n from assignments')[0]!.n).toBe(PHONES);
  });
});
