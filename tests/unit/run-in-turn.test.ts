import { describe, expect, it } from 'vitest';
import { runInTurn, withTurnsHeld } from '../../server/push/run-in-turn';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('runInTurn while a fan-out holds the turns', () => {
  it('starts the phones’ events only after the hold ends, in arrival order', async () => {
    const started: string[] = [];
    let releaseHold!: () => void;
    const hold = withTurnsHeld(
      () =>
        new Promise<void>((resolve) => {
          releaseHold = resolve;
        }),
    );
    const jobs = ['receipt', '收到', 'en_route'].map((name) =>
      runInTurn(async () => {
        started.push(name);
        return name;
      }),
    );
    for (let turn = 0; turn < 5; turn += 1) await nextTurn();
    expect(started).toEqual([]);

    releaseHold();
    await hold;
    expect(await Promise.all(jobs)).toEqual(['receipt', '收到', 'en_route']);
    expect(started).toEqual(['receipt', '收到', 'en_route']);
  });

  it('releases the turns when the held work fails', async () => {
    await expect(withTurnsHeld(() => Promise.reject(new Error('push failed')))).rejects.toThrow('push failed');
    await expect(runInTurn(async () => 'after')).resolves.toBe('after');
  });

  it('runs events at once when nothing holds them', async () => {
    await expect(runInTurn(async () => 42)).resolves.toBe(42);
  });
});
