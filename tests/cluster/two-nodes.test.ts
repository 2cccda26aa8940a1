// Several app nodes, one dispatch: two production servers (child processes) on one PostgreSQL
// database, with Socket.IO's Redis adapter between them (REDIS_URL) and a TCP balancer in front,
// as in docs/multi-node.md. Phones are headless socket.io-client instances that speak the phone's
// delivery protocol (tests/helpers/field-client.ts): receipt per card, sync on every connect.
import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AssignmentUpdatedMessage } from '@/server/contracts/events';
import { closeFleet, connectFleet, describeFleet, postJson, request, triggerOverHttp, waitUntil, type Phone } from '../fault/support/fleet';
import { freePort, startServerProcess, type ServerProcess } from '../fault/support/server-process';
import { startRedis, type RedisServer } from '../support/redis-server';
import { createPostgresLoadFixture, type PostgresLoadFixture } from './support/postgres-load-fixture';
import { startTcpBalancer } from './support/tcp-balancer';

const PHONES = Number(process.env.CLUSTER_PHONES ?? 100);
const SETTLE_MS = 2_000;

type Node = { name: string; port: number; process: ServerProcess };

describe('two nodes, Redis between them', () => {
  let redis: RedisServer;
  let fixture: PostgresLoadFixture;
  const nodes: Node[] = [];
  let phones: Phone[] = [];
  let board: Socket | undefined;

  const startNode = async (name: string, port: number) =>
    startServerProcess({ databaseUrl: fixture.databaseUrl, uploadDir: fixture.uploadDir, port, extraEnv: { REDIS_URL: redis.url } }).then(
      (process) => ({ name, port, process }),
    );

  beforeAll(async () => {
    redis = await startRedis();
    fixture = await createPostgresLoadFixture({ staff: PHONES });
    // Both check the migrations at start (under an advisory lock); one after the other keeps the log simple.
    nodes.push(await startNode('A', await freePort()));
    nodes.push(await startNode('B', await freePort()));
  });
  afterEach(() => {
    closeFleet(phones);
    phones = [];
    board?.disconnect();
    board = undefined;
  });
  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.process.stop()));
    await redis?.close();
    await fixture?.cleanup();
  });

  const [nodeA, nodeB] = [() => nodes[0]!, () => nodes[1]!];

  /** The duty officer's board, connected to one node, collecting who has acknowledged. */
  function connectBoard(url: string) {
    const acknowledged = new Set<string>();
    board = connect(url, { extraHeaders: { cookie: fixture.duty.cookie }, transports: ['websocket'] });
    board.on('assignment:updated', (message: AssignmentUpdatedMessage) => {
      if (message.assignment.acknowledgedAt) acknowledged.add(message.assignment.id);
    });
    return {
      acknowledged,
      ready: () =>
        waitUntil(
          () => board!.connected,
          10_000,
          () => 'board not connected',
        ),
    };
  }

  async function trigger(url: string) {
    const result = await triggerOverHttp(url, fixture.duty.cookie, fixture.sessions.planId, randomUUID(), '梁滩河油污 多节点演练');
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    return { incidentId: result.body.incident.id, expected: new Map(result.body.assignments.map((row) => [row.userId, row.id])) };
  }

  /** Every phone presses 收到; each is answered, and the board (`acknowledged`) sees them all. */
  async function acknowledgeAll(expected: Map<string, string>, acknowledged: Set<string>) {
    const replies = await Promise.all(
      phones.map((phone) => request(phone, 'assignment:ack', { assignmentId: expected.get(phone.userId) })),
    );
    expect(replies.filter((reply) => !reply.ok)).toEqual([]);
    await waitUntil(
      () => acknowledged.size === PHONES,
      30_000,
      () => `the board on node A saw ${acknowledged.size}/${PHONES} 收到`,
    );
  }

  /** How many field staff a node's presence list shows online, as the board loads it. */
  async function countOnline(url: string) {
    const response = await fetch(`${url}/api/presence`, { headers: { cookie: fixture.duty.cookie } });
    expect(response.status).toBe(200);
    const people = (await response.json()) as Array<{ isOnline: boolean }>;
    return people.filter((person) => person.isOnline).length;
  }

  /** Retries an async assertion until it passes or the time is up (then its last failure is thrown). */
  async function eventually(assertion: () => Promise<void>, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await assertion();
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  async function lift(url: string, incidentId: string) {
    const lifted = await postJson(`${url}/api/incidents/${incidentId}/lift`, fixture.duty.cookie, { reason: '演练结束' });
    expect(lifted.status).toBe(200);
  }

  /** Every phone holds exactly its own card, was never shown one twice, and keeps it that way. */
  async function expectConverged(expected: Map<string, string>, timeoutMs: number) {
    const own = (phone: Phone) => expected.get(phone.userId);
    const isSettled = () => phones.every((phone) => phone.client.cards.size === 1 && phone.client.cards.has(own(phone)!));
    await waitUntil(isSettled, timeoutMs, () => describeFleet(phones, own));
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    expect(isSettled(), describeFleet(phones, own)).toBe(true);
    expect(phones.flatMap((phone) => phone.client.duplicates())).toEqual([]);
  }

  it('a trigger on node A reaches every phone on node B, and their 收到 reaches the board on node A', async () => {
    phones = await connectFleet(fixture.sessions.staff.map((person) => ({ ...person, url: nodeB().process.url })));
    const { acknowledged, ready } = connectBoard(nodeA().process.url);
    await ready();
    // The board on node A lists the phones on node B as reachable (presence is shared between nodes).
    await eventually(async () => expect(await countOnline(nodeA().process.url)).toBe(PHONES), 10_000);

    const { incidentId, expected } = await trigger(nodeA().process.url);
    expect(expected.size).toBe(PHONES);
    await expectConverged(expected, 30_000);
    // Each card came with node A's own push, relayed to node B, where the phone reported it: delivered
    // at attempt 1. Without the adapter only node B's redelivery worker (attempt 2, after 2 s) reaches them.
    const attempts = await fixture.query<{ attempts: number; delivered: number }>(
      'select push_attempts as attempts, count(*)::int as delivered from assignments where incident_id = $1 and delivered_at is not null group by push_attempts',
      incidentId,
    );
    expect(attempts).toEqual([{ attempts: 1, delivered: PHONES }]);

    await acknowledgeAll(expected, acknowledged);
    await lift(nodeA().process.url, incidentId);
  });

  it('one node killed during a dispatch: its phones reconnect to the other, nothing is lost or shown twice', async () => {
    const balancer = await startTcpBalancer(nodes.map((node) => node.port));
    try {
      phones = await connectFleet(fixture.sessions.staff.map((person) => ({ ...person, url: balancer.url })));
      expect(balancer.handedOut.get(nodeB().port)).toBeGreaterThan(0);

      // kill -9 node B the moment the first card reaches any phone: the fan-out is under way.
      let killed: Promise<unknown> | undefined;
      const onFirstCard = () => {
        killed ??= nodeB().process.killHard();
      };
      for (const phone of phones) phone.client.socket.once('assignment:new', onFirstCard);
      const { incidentId, expected } = await trigger(nodeA().process.url);
      await waitUntil(
        () => killed !== undefined,
        30_000,
        () => 'no card reached any phone',
      );
      await killed;
      for (const phone of phones) phone.client.socket.off('assignment:new', onFirstCard);

      await expectConverged(expected, 60_000);
      // Every phone is on node A now, and node A's list says so (node B's stale entries do not matter).
      await eventually(async () => expect(await countOnline(nodeA().process.url)).toBe(PHONES), 10_000);
      const rows = await fixture.query<{ n: number }>('select count(*)::int as n from assignments where incident_id = $1', incidentId);
      expect(rows[0]!.n).toBe(PHONES);
      await lift(nodeA().process.url, incidentId);
    } finally {
      await balancer.close();
      // Back to two nodes for the next test.
      nodes[1] = await startNode('B', nodeB().port);
    }
  });

  it('Redis away for 10 s during a dispatch: phones on both nodes converge once it returns, nothing lost', async () => {
    const balancer = await startTcpBalancer(nodes.map((node) => node.port));
    try {
      phones = await connectFleet(fixture.sessions.staff.map((person) => ({ ...person, url: balancer.url })));
      const { acknowledged, ready } = connectBoard(nodeA().process.url);
      await ready();

      await redis.stop();
      const { incidentId, expected } = await trigger(nodeA().process.url);
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      await redis.start();

      await expectConverged(expected, 60_000);
      // 收到 on node B reaches the board on node A again.
      await acknowledgeAll(expected, acknowledged);
      await lift(nodeA().process.url, incidentId);
    } finally {
      await balancer.close();
    }
  });

  it('failed logins are counted across nodes: wrong passwords on node A delay the account on node B too', async () => {
    const login = (url: string, password: string) =>
      fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: url },
        body: JSON.stringify({ username: 'duty', password }),
      }).then((response) => response.status);
    // Five failures are free; the sixth earns a 2 s wait (server/kernel/auth/login-delay.ts).
    for (let attempt = 0; attempt < 6; attempt += 1) expect(await login(nodeA().process.url, 'wrong-password')).toBe(401);
    // Refused before the password is even checked (without the shared count node B would answer 401).
    expect(await login(nodeB().process.url, 'another-guess')).toBe(429);
  });
});
