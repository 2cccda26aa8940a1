import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { checkHealth } from '@/server/kernel/health/check-health';
import { forgetWorkerTicks, markWorkerTick } from '@/server/kernel/health/worker-ticks';
import { log, runWithLogContext, setLogActor } from '@/server/kernel/log/logger';
import { requestIdFrom } from '@/server/kernel/log/request-id';
import { captureLogs } from '../helpers/capture-logs';
import { createSeededDb } from '../helpers/fixtures';

describe('request ids', () => {
  it('keeps a plain token from a proxy, replaces anything else', () => {
    expect(requestIdFrom('nginx-5f2c1a9e77')).toBe('nginx-5f2c1a9e77');
    for (const bad of [undefined, '', 'short', 'x'.repeat(200), 'id with spaces', 'id\n{"level":60}', ['a1234567', 'b1234567']]) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('structured logs', () => {
  it('binds every line to the request and its actor, and never writes cookies, tokens or passwords', async () => {
    const { lines, restore } = captureLogs();
    onTestFinished(restore);
    await runWithLogContext({ requestId: 'req-12345678' }, async () => {
      setLogActor('user-1');
      await Promise.resolve();
      log().info(
        {
          headers: { cookie: 'ed_session=secret-cookie', authorization: 'Bearer secret-token' },
          body: { password: 'hunter2' },
          token: 't0k',
        },
        'login',
      );
    });
    log().info('outside');
    const text = JSON.stringify(lines);
    expect(lines[0]).toMatchObject({ requestId: 'req-12345678', actorId: 'user-1', msg: 'login', service: 'ecodispatch' });
    expect(lines[1]).not.toHaveProperty('requestId');
    for (const secret of ['secret-cookie', 'secret-token', 'hunter2', 't0k']) expect(text).not.toContain(secret);
  });
});

describe('health', () => {
  let fixture: Awaited<ReturnType<typeof createSeededDb>> | null = null;
  afterEach(() => {
    fixture?.close();
    fixture = null;
    forgetWorkerTicks();
  });

  it('is ok with a database that answers and workers that tick, degraded when a worker stops ticking, down without a database', async () => {
    fixture = await createSeededDb();
    const now = Date.now();
    for (const worker of ['outbox', 'escalation', 'redelivery'] as const) markWorkerTick(worker, now);
    const ok = await checkHealth({ db: fixture.db, now: () => now + 1_000 });
    expect(ok).toMatchObject({ status: 'ok', checks: { database: { status: 'ok' }, workers: { outbox: { status: 'ok' } } } });
    expect(ok.checks).not.toHaveProperty('redis');

    const stale = await checkHealth({ db: fixture.db, now: () => now + 60_000 });
    expect(stale).toMatchObject({
      status: 'degraded',
      checks: { database: { status: 'ok' }, workers: { escalation: { status: 'stale' } } },
    });

    fixture.close();
    fixture = null;
    const closed = await createSeededDb();
    closed.close();
    const down = await checkHealth({ db: closed.db, now: () => now });
    expect(down).toMatchObject({ status: 'down', checks: { database: { status: 'down', error: expect.any(String) } } });
  });
});
