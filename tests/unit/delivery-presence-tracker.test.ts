import { describe, expect, it } from 'vitest';
import { createPresenceTracker } from '@/server/presence/presence-tracker';
import { OFFLINE_DETECTION_MS } from '@/server/presence/heartbeat';

const at = (seconds: number) => new Date(Date.UTC(2026, 5, 1, 8, 0, seconds));

describe('presence tracker', () => {
  it('reports only the first connection and the last disconnection as transitions', () => {
    const tracker = createPresenceTracker();
    expect(tracker.connected('u1', at(0))).toBe(true);
    expect(tracker.connected('u1', at(1))).toBe(false);
    expect(tracker.onlineUserIds()).toEqual(['u1']);
    expect(tracker.disconnected('u1', at(2))).toBe(false);
    expect(tracker.isOnline('u1')).toBe(true);
    expect(tracker.disconnected('u1', at(3))).toBe(true);
    expect(tracker.state('u1')).toEqual({ isOnline: false, lastSeenAt: at(3) });
    // A stray second close (or one for somebody never seen) is not a transition.
    expect(tracker.disconnected('u1', at(4))).toBe(false);
    expect(tracker.disconnected('nobody', at(4))).toBe(false);
    expect(tracker.state('nobody')).toEqual({ isOnline: false, lastSeenAt: null });
  });

  it('keeps the last sign of life of a connection that died silently', () => {
    const tracker = createPresenceTracker();
    tracker.connected('u1', at(0));
    tracker.seen('u1', at(7));
    expect(tracker.disconnected('u1', at(21), { isSilent: true })).toBe(true);
    expect(tracker.state('u1').lastSeenAt).toEqual(at(7));
    // Once offline, late packets do not make a person look recently seen.
    tracker.seen('u1', at(30));
    expect(tracker.state('u1').lastSeenAt).toEqual(at(7));
  });

  it('notices a dead phone within about 15 s', () => {
    expect(OFFLINE_DETECTION_MS).toBeLessThanOrEqual(15_000);
  });
});
