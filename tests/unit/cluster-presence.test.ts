import { afterEach, describe, expect, it } from 'vitest';
import {
  createClusterPresence,
  NODE_EXPIRY_MS,
  type ClusterPresence,
  type PresenceBusMessage,
} from '../../server/presence/cluster-presence';
import { createPresenceTracker } from '../../server/presence/presence-tracker';

// Several nodes' presence over an in-memory bus that can take one node off it (as if killed, or
// cut off from Redis), with a clock the test moves.
function createCluster() {
  let clock = 1_000_000;
  const handlers = new Map<string, (message: PresenceBusMessage) => void>();
  const silenced = new Set<string>();
  const reports: Array<{ on: string; userIds: string[]; isOnline: boolean }> = [];
  const nodes = new Map<string, ClusterPresence>();

  const add = (node: string) => {
    const presence = createClusterPresence({
      node,
      local: createPresenceTracker(),
      now: () => clock,
      bus: {
        publish: (message) => {
          if (silenced.has(node)) return;
          for (const [other, handler] of handlers) if (other !== node && !silenced.has(other)) handler(message);
        },
        subscribe: (handler) => handlers.set(node, handler),
      },
      onReachability: (userIds, isOnline) => reports.push({ on: node, userIds, isOnline }),
    });
    nodes.set(node, presence);
    return presence;
  };
  return {
    add,
    nodes,
    reports,
    silence: (node: string) => silenced.add(node),
    unsilence: (node: string) => silenced.delete(node),
    advance: (ms: number) => (clock += ms),
    stop: () => nodes.forEach((presence) => presence.stop()),
  };
}

let cluster: ReturnType<typeof createCluster>;
afterEach(() => cluster.stop());

describe('presence across nodes', () => {
  it('a phone on node A is online on node B too, with one online transition for the person', () => {
    cluster = createCluster();
    const a = cluster.add('A');
    const b = cluster.add('B');
    const at = new Date(1_000_000);

    expect(a.connected('env1', at)).toBe(true);
    expect(b.isOnline('env1')).toBe(true);
    expect(b.state('env1')).toEqual({ isOnline: true, lastSeenAt: at });
    expect(b.onlineUserIds()).toEqual(['env1']);

    // A second phone of the same person, on the other node: not a transition.
    expect(b.connected('env1', at)).toBe(false);
    // The first one goes away: still online through node B, so no offline transition.
    expect(a.disconnected('env1', at)).toBe(false);
    expect(a.isOnline('env1')).toBe(true);
    // The last one goes: that is the transition, and every node knows.
    const later = new Date(1_005_000);
    expect(b.disconnected('env1', later)).toBe(true);
    expect(a.isOnline('env1')).toBe(false);
    expect(a.state('env1')).toEqual({ isOnline: false, lastSeenAt: later });
  });

  it('a node that starts late learns who is online on the others', () => {
    cluster = createCluster();
    const a = cluster.add('A');
    a.connected('police1', new Date());
    const c = cluster.add('C');
    expect(c.isOnline('police1')).toBe(true);
  });

  it('a node that goes silent takes its phones with it: they are reported lost, and found when it speaks again', () => {
    cluster = createCluster();
    const a = cluster.add('A');
    const b = cluster.add('B');
    a.connected('env1', new Date());
    a.connected('env2', new Date());
    b.connected('env2', new Date());

    cluster.silence('A');
    cluster.advance(NODE_EXPIRY_MS + 1);
    b.tick();
    // env2 still has a phone on node B: only env1 is lost.
    expect(cluster.reports).toEqual([{ on: 'B', userIds: ['env1'], isOnline: false }]);
    expect(b.isOnline('env1')).toBe(false);
    expect(b.isOnline('env2')).toBe(true);

    cluster.unsilence('A');
    a.tick();
    expect(cluster.reports.at(-1)).toEqual({ on: 'B', userIds: ['env1'], isOnline: true });
    expect(b.isOnline('env1')).toBe(true);
  });

  it('a node that keeps sending its list is never forgotten', () => {
    cluster = createCluster();
    const a = cluster.add('A');
    const b = cluster.add('B');
    a.connected('env1', new Date());
    for (let round = 0; round < 5; round += 1) {
      cluster.advance(NODE_EXPIRY_MS / 2);
      a.tick();
      b.tick();
    }
    expect(cluster.reports).toEqual([]);
    expect(b.isOnline('env1')).toBe(true);
  });
});
