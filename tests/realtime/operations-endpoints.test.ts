import { afterEach, describe, expect, it } from 'vitest';
import { startRealtimeServer } from '../helpers/realtime-server';

// /api/health, /metrics on its own port and /metrics behind a token, on the real server.
let server: Awaited<ReturnType<typeof startRealtimeServer>> | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

const TOKEN = 'metrics-token-for-tests-0123456789';
const text = async (url: string, headers: Record<string, string> = {}) => {
  const response = await fetch(url, { headers });
  return { status: response.status, body: await response.text(), type: response.headers.get('content-type') };
};
const sample = (body: string, metric: string) => {
  const line = body.split('\n').find((candidate) => candidate.startsWith(metric));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
};

describe('operations endpoints', () => {
  it('health reports the database and the workers', async () => {
    server = await startRealtimeServer();
    const health = await text(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({
      status: 'ok',
      checks: {
        database: { status: 'ok' },
        workers: { outbox: { status: 'ok' }, escalation: { status: 'ok' }, redelivery: { status: 'ok' } },
      },
    });
  });

  it('METRICS_PORT serves dispatch latency, unacknowledged cards by age, backlogs and connected people', async () => {
    server = await startRealtimeServer({ METRICS_PORT: '0' });
    expect(server.metricsPort).toBeGreaterThan(0);
    const phone = await server.connectAs('env1');
    const { assignments } = await server.triggerPlan('water_oil');

    const metrics = await text(`http://127.0.0.1:${server.metricsPort}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.type).toContain('text/plain');
    expect(sample(metrics.body, 'ecodispatch_dispatch_seconds_count{stage="commit"}')).toBeGreaterThanOrEqual(1);
    expect(sample(metrics.body, 'ecodispatch_dispatch_seconds_count{stage="last_card"}')).toBeGreaterThanOrEqual(1);
    expect(sample(metrics.body, 'ecodispatch_unacknowledged_assignments{age="under_1m"}')).toBe(assignments.length);
    expect(sample(metrics.body, 'ecodispatch_unacknowledged_assignments{age="over_15m"}')).toBe(0);
    expect(sample(metrics.body, 'ecodispatch_notification_backlog')).toBeGreaterThanOrEqual(0);
    expect(sample(metrics.body, 'ecodispatch_redelivery_backlog')).toBeGreaterThanOrEqual(0);
    expect(sample(metrics.body, 'ecodispatch_connected_people')).toBe(1);
    expect(metrics.body).toContain('ecodispatch_nodejs_eventloop_lag_p99_seconds');
    expect(metrics.body).toContain('ecodispatch_login_failures_total');
    phone.disconnect();

    // Not on the main port without a token configured.
    expect((await text(`${server.url}/metrics`)).status).toBe(404);
  });

  it('METRICS_TOKEN serves /metrics on the main port only with the right bearer token', async () => {
    server = await startRealtimeServer({ METRICS_TOKEN: TOKEN });
    expect((await text(`${server.url}/metrics`)).status).toBe(401);
    expect((await text(`${server.url}/metrics`, { authorization: 'Bearer wrong-token-wrong-token-000' })).status).toBe(401);
    const allowed = await text(`${server.url}/metrics`, { authorization: `Bearer ${TOKEN}` });
    expect(allowed.status).toBe(200);
    expect(allowed.body).toContain('ecodispatch_dispatch_seconds');
  });
});
