import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db';
import { startEscalationWorker } from '@/server/dispatch/escalation/escalation-worker';
import { createEscalationFixture } from '../helpers/escalation-fixture';
import { captureLogs } from '../helpers/capture-logs';
import { recordingEmitter } from '../helpers/fixtures';

let fixture: Awaited<ReturnType<typeof createEscalationFixture>> | undefined;
afterEach(() => {
  fixture?.close();
  fixture = undefined;
  vi.restoreAllMocks();
});

describe('escalation worker', () => {
  it('runs due steps on its timer and stops cleanly', async () => {
    fixture = await createEscalationFixture({ seconds: 60, steps: ['realert'] });
    const { incident } = await fixture.trigger();
    const later = () => new Date(fixture!.now().getTime() + 60_000);
    const worker = startEscalationWorker({ db: fixture.db, emitter: fixture.emitter, now: later }, { intervalMs: 20 });
    const started = Date.now();
    while ((await fixture.steps(incident.id)).length === 0 && Date.now() - started < 3_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await worker.stop();
    expect((await fixture.steps(incident.id)).map((step) => step.action)).toEqual(['escalation.realert']);
    await worker.tick(); // a tick after stop does nothing and does not throw
  });

  it('never throws out of the timer: a broken database is logged and the next tick tries again', async () => {
    const logs = captureLogs();
    const broken = {
      select: () => {
        throw new Error('database is locked');
      },
    } as unknown as Db;
    const worker = startEscalationWorker({ db: broken, emitter: recordingEmitter(), now: () => new Date() }, { intervalMs: 10 });
    await expect(worker.tick()).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 60));
    await worker.stop();
    logs.restore();
    const errors = logs.lines.filter((line) => line.level === 50);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors[0]).toMatchObject({ msg: 'escalation tick failed', err: { message: 'database is locked' } });
  });
});
