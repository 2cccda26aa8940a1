// Fault test 7: two (and then ten) concurrent 一键启动 requests with one Idempotency-Key against the
// real production server make exactly one incident, and every caller is told its id.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { triggerOverHttp } from './support/fleet';
import { createLoadFixture, type LoadFixture } from './support/load-fixture';
import { freePort, startServerProcess, type ServerProcess } from './support/server-process';

describe('concurrent triggers with one Idempotency-Key', () => {
  let fixture: LoadFixture;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    fixture = createLoadFixture({ staff: 5 });
    server = await startServerProcess({ ...fixture, port: await freePort() });
  });
  afterAll(async () => {
    await server?.stop();
    fixture?.cleanup();
  });

  const incidentCount = () => fixture.query<{ n: number }>('select count(*) as n from incidents')[0]!.n;

  it('two at once: one incident, one 201 and one 200 with the same id', async () => {
    const key = randomUUID();
    const before = incidentCount();
    const results = await Promise.all([1, 2].map(() => triggerOverHttp(server!.url, fixture.duty.cookie, fixture.sessions.planId, key)));

    expect(results.map((result) => result.status).sort()).toEqual([200, 201]);
    const ids = new Set(results.map((result) => result.body.incident.id));
    expect(ids.size).toBe(1);
    expect(incidentCount()).toBe(before + 1);
    const [incidentId] = [...ids];
    expect(fixture.query('select id from assignments where incident_id = ?', incidentId)).toHaveLength(5);
  });

  it('ten at once: still one incident', async () => {
    const key = randomUUID();
    const before = incidentCount();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => triggerOverHttp(server!.url, fixture.duty.cookie, fixture.sessions.planId, key)),
    );

    expect(results.filter((result) => result.status === 201)).toHaveLength(1);
    expect(results.filter((result) => result.status === 200)).toHaveLength(9);
    expect(new Set(results.map((result) => result.body.incident.id)).size).toBe(1);
    expect(incidentCount()).toBe(before + 1);
  });

  it('the same key with another body is refused and creates nothing', async () => {
    const key = randomUUID();
    const first = await triggerOverHttp(server!.url, fixture.duty.cookie, fixture.sessions.planId, key, '第一次描述');
    const before = incidentCount();
    const second = await triggerOverHttp(server!.url, fixture.duty.cookie, fixture.sessions.planId, key, '另一个描述');

    expect(first.status).toBe(201);
    expect(second.status).toBe(409);
    expect(incidentCount()).toBe(before);
  });
});
