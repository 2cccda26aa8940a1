// Fault test 3: 20% of the phones lose their network for FAULT_OUTAGE_MS (30 s) while the incident
// moves on (the first incident is lifted, a second is triggered and the connected phones act on
// it). Within 10 s of the network coming back every phone must hold exactly the right cards in the
// right states. Half of the cut phones see their connections reset, half sit behind a blackhole.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeFleet, connectFleet, describeFleet, postJson, request, triggerOverHttp, waitUntil, type Phone } from './support/fleet';
import { createLoadFixture, type LoadFixture } from './support/load-fixture';
import { freePort, startServerProcess, type ServerProcess } from './support/server-process';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';

const PHONES = Number(process.env.FAULT_PHONES ?? 200);
const OUTAGE_MS = Number(process.env.FAULT_OUTAGE_MS ?? 30_000);
const CONVERGE_MS = 10_000;
const CUT = Math.round(PHONES * 0.2);

describe('a fifth of the phones lose the network during an incident', () => {
  let fixture: LoadFixture;
  let server: ServerProcess | undefined;
  let proxies: TcpProxy[] = [];
  let phones: Phone[] = [];

  beforeAll(async () => {
    fixture = createLoadFixture({ staff: PHONES });
    server = await startServerProcess({ ...fixture, port: await freePort() });
    proxies = [await startTcpProxy(server.port), await startTcpProxy(server.port)];
  });
  afterAll(async () => {
    closeFleet(phones);
    await Promise.all(proxies.map((proxy) => proxy.close()));
    await server?.stop();
    fixture?.cleanup();
  });

  it(`all converge within ${CONVERGE_MS / 1000} s after a ${OUTAGE_MS / 1000} s outage`, async () => {
    const [resetProxy, blackholeProxy] = proxies as [TcpProxy, TcpProxy];
    const route = (index: number) => (index < PHONES - CUT ? server!.url : index < PHONES - CUT / 2 ? resetProxy.url : blackholeProxy.url);
    phones = await connectFleet(fixture.sessions.staff.map((person, index) => ({ ...person, url: route(index) })));
    const online = phones.slice(0, PHONES - CUT);
    const duty = fixture.duty.cookie;

    const first = await triggerOverHttp(server!.url, duty, fixture.sessions.planId, randomUUID(), '梁滩河油污 事件一');
    expect(first.status).toBe(201);
    const firstCards = new Map(first.body.assignments.map((row) => [row.userId, row.id]));
    await waitUntil(
      () => phones.every((phone) => phone.client.cards.has(firstCards.get(phone.userId)!)),
      30_000,
      () => `before the outage: ${describeFleet(phones)}`,
    );

    resetProxy.cut('reset');
    blackholeProxy.cut('blackhole');
    const cutAt = Date.now();

    // The incident moves on without them: lifted, a new one triggered, the others respond to it.
    const lifted = await postJson(`${server!.url}/api/incidents/${first.body.incident.id}/lift`, duty, { reason: '演练结束' });
    expect(lifted.status).toBe(200);
    const second = await triggerOverHttp(server!.url, duty, fixture.sessions.planId, randomUUID(), '梁滩河油污 事件二');
    expect(second.status).toBe(201);
    const secondCards = new Map(second.body.assignments.map((row) => [row.userId, row.id]));
    const ownCard = (phone: Phone) => secondCards.get(phone.userId);
    await waitUntil(
      () => online.every((phone) => phone.client.cards.size === 1 && phone.client.cards.has(ownCard(phone)!)),
      20_000,
      () => `connected phones during the outage: ${describeFleet(online, ownCard)}`,
    );
    for (const [index, phone] of online.entries()) {
      expect((await request(phone, 'assignment:ack', { assignmentId: ownCard(phone) })).ok).toBe(true);
      if (index % 2 === 0)
        expect((await request(phone, 'assignment:status', { assignmentId: ownCard(phone), status: 'en_route' })).ok).toBe(true);
    }
    expect(Date.now() - cutAt, 'the outage was over before the incident moved on; raise FAULT_OUTAGE_MS').toBeLessThan(OUTAGE_MS);
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS - (Date.now() - cutAt)));

    resetProxy.restore();
    blackholeProxy.restore();

    const statusById = () =>
      new Map(
        fixture
          .query<{ id: string; status: string }>('select id, status from assignments where incident_id = ?', second.body.incident.id)
          .map((row) => [row.id, row.status]),
      );
    const wrongPhones = () => {
      const statuses = statusById();
      return phones.filter((phone) => {
        const card = phone.client.cards.get(ownCard(phone)!);
        return phone.client.cards.size !== 1 || !card || card.status !== statuses.get(card.assignmentId);
      });
    };
    const waited = await waitUntil(
      () => wrongPhones().length === 0,
      CONVERGE_MS,
      () => `${wrongPhones().length} phones wrong: ${describeFleet(phones, ownCard)}`,
    ).catch((error: Error) => error);
    // Nothing may flap afterwards: no card dropped and shown again, no late extra.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    console.info(
      `[fault:outage] ${waited instanceof Error ? 'NOT converged' : `converged ${waited} ms after restore`}; ` +
        `reset proxy ${JSON.stringify(resetProxy.stats)}, blackhole proxy ${JSON.stringify(blackholeProxy.stats)}; ${describeFleet(phones, ownCard)}`,
    );

    expect(waited instanceof Error ? waited.message : 'converged').toBe('converged');
    expect(wrongPhones().map((phone) => phone.username)).toEqual([]);
    expect(phones.filter((phone) => phone.client.duplicates().length > 0).map((phone) => phone.username)).toEqual([]);
    for (const phone of phones) for (const card of phone.client.cards.values()) expect(card.assigneeId).toBe(phone.userId);
  });
});
