import { describe, expect, it } from 'vitest';
import { predict, poolSize, regionScenario, type Figures } from '../../bench/lib/capacity-model';

const one = { localCard: 1, relayedCard: 2, ack: 3 };
const figures: Figures = {
  rssKiBPerConnection: 20,
  nodeIdleCpuMsPerSecond: 5,
  idleCpuMsPerConnectionSecond: 0.1,
  cpuMs: { ...one, triggerPerAssignee: 0.5 },
  commitMs: { base: 10, perAssignee: 0.1 },
  pushMsPerCard: 0.5,
  pg: { xacts: one, rows: one, cpuMs: one },
  redis: { publishes: one, bytesPerPublish: 1000, idlePublishesPerNodeSecond: 0 },
};

describe('capacity model (docs/capacity.md)', () => {
  it('charges each node its share of every incident: local cards and the trigger where it was taken, relayed cards elsewhere', () => {
    const prediction = predict(figures, { connections: 300, incidents: [{ size: 300, node: 0 }], windowSeconds: 1 }, 3);
    // 100 cards per node; 100 × 收到 (3) each; idle 100 × 0.1.
    expect(prediction.cpuMsByNode[0]).toBeCloseTo(100 * 1 + 100 * 3 + 300 * 0.5 + 10 + 5);
    expect(prediction.cpuMsByNode[1]).toBeCloseTo(100 * 2 + 100 * 3 + 10 + 5);
    expect(prediction.connectionsPerNode).toBe(100);
    // PostgreSQL: 100 local, 200 relayed, 300 收到.
    expect(prediction.pg.xacts).toBeCloseTo(100 + 400 + 900);
    expect(prediction.redis.deliveriesPerSecond).toBeCloseTo(1400 * 3);
  });

  it('pushes incidents in commit order on each node: a small one first, the large one after its longer commit', () => {
    const prediction = predict(
      figures,
      {
        connections: 0,
        incidents: [
          { size: 1000, node: 0 },
          { size: 20, node: 1 },
        ],
        windowSeconds: 1,
      },
      2,
    );
    expect(prediction.p99Ms[1]).toBeCloseTo(10 + 2 + 10 * 0.5);
    expect(prediction.p99Ms[0]).toBeCloseTo(10 + 100 + 500 * 0.5);
  });

  it('sizes a pool by Little’s law with a floor', () => {
    expect(poolSize(100, 10)).toBe(10);
    expect(poolSize(1000, 20)).toBe(40);
    expect(regionScenario(4).incidents.reduce((sum, incident) => sum + incident.size, 0)).toBe(7000);
  });
});
