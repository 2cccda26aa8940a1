// PURE: the capacity model of docs/capacity.md. Per-node costs measured by bench/capacity-check.ts
// go in; what a deployment of `nodes` app nodes does at the peak of a scenario comes out. The same
// formulas predict the small three-node run of that benchmark (the check) and the 成渝 region.

/**
 * A cost per card of a dispatch, and per 收到. A card is `local` on the node that takes the trigger
 * (pushed with a receipt callback; receipts recorded 50 per transaction) and `relayed` on every
 * other node (one relay message per push slice; the phone reports the card with its own
 * `assignment:delivered`, one transaction each). PostgreSQL and Redis costs per card include the
 * trigger's own rows and messages for that assignee.
 */
export type PerCard = { localCard: number; relayedCard: number; ack: number };

/** The per-node costs the model is fed with (bench/capacity-check.ts measures each; docs/capacity.md lists them). */
export type Figures = {
  /** Resident memory per held phone connection, KiB. */
  rssKiBPerConnection: number;
  /** CPU ms per second a node spends idle with no phone (its timers: presence snapshots, the workers' ticks). */
  nodeIdleCpuMsPerSecond: number;
  /** CPU ms per second per idle connection (Engine.IO heartbeats every 7 s, presence), beyond the node's own idle. */
  idleCpuMsPerConnectionSecond: number;
  /** Node CPU ms per card on the node whose phone holds it, per 收到 there, and per assignee on the node that takes the trigger. */
  cpuMs: PerCard & { triggerPerAssignee: number };
  /** Trigger → COMMIT, ms: base + perAssignee × N (from the nodes' own `dispatch` log lines). */
  commitMs: { base: number; perAssignee: number };
  /** Wall ms per card a node spends pushing (its share of) a fan-out, from commit to the card in the phone. */
  pushMsPerCard: number;
  /** PostgreSQL: transactions (xact_commit, reads included), rows written, server CPU ms. */
  pg: { xacts: PerCard; rows: PerCard; cpuMs: PerCard };
  /** Redis PUBLISH calls, bytes per publish, and idle publishes per node per second (presence). */
  redis: { publishes: PerCard; bytesPerPublish: number; idlePublishesPerNodeSecond: number };
};

/** A PerCard cost for `cards` cards of which `local` were on the triggering node, and `acks` 收到. */
export const costOf = (cost: PerCard, cards: number, local: number, acks: number) =>
  local * cost.localCard + (cards - local) * cost.relayedCard + acks * cost.ack;

export type Scenario = {
  /** Phones connected at once (spread evenly over the nodes by the balancer). */
  connections: number;
  /** Simultaneous incidents; `node`: which node takes the trigger (requests spread by the balancer). */
  incidents: Array<{ size: number; node: number }>;
  /** The window the peak is averaged over, s: cards, their receipts and every 收到 inside it (the worst case: everyone answers at once). */
  windowSeconds: number;
};

export type Prediction = {
  nodes: number;
  connectionsPerNode: number;
  rssMiBPerNode: number;
  /** Per node: CPU ms spent in the window (burst + idle), and its share of one core over the window. */
  cpuMsByNode: number[];
  cpuShareByNode: number[];
  pg: { xacts: number; rows: number; xactsPerSecond: number; rowsPerSecond: number; cpuMs: number; cpuShare: number };
  redis: { publishes: number; publishesPerSecond: number; deliveriesPerSecond: number; bytesPerSecond: number };
  /** Received p99 per incident (ms after its trigger), in the scenario's order. */
  p99Ms: number[];
};

/**
 * Every phone is on one node, and a person's phones are spread evenly over the nodes, so a node holds
 * size / nodes cards of every incident. A node pushes its cards one after another at pushMsPerCard;
 * an incident's cards become ready at its commit; the node pushes what is ready in commit order
 * (the phones' receipts and 收到 wait while a fan-out pushes: server/push/fan-out.ts). An incident's
 * p99 is when its last card on the node leaves (its p100 on a node: the 1 % is within the spread).
 */
export function predict(figures: Figures, scenario: Scenario, nodes: number): Prediction {
  const perNode = scenario.connections / nodes;
  const cards = scenario.incidents.reduce((sum, incident) => sum + incident.size, 0);
  // Each incident's phones are spread evenly: 1/nodes of its cards are local to the node that took it.
  const local = cards / nodes;
  const cpuMsByNode = Array.from({ length: nodes }, (_, node) =>
    scenario.incidents.reduce(
      (sum, incident) => {
        const isHere = incident.node % nodes === node;
        const share = incident.size / nodes;
        return (
          sum +
          share * ((isHere ? figures.cpuMs.localCard : figures.cpuMs.relayedCard) + figures.cpuMs.ack) +
          (isHere ? incident.size * figures.cpuMs.triggerPerAssignee : 0)
        );
      },
      (figures.nodeIdleCpuMsPerSecond + perNode * figures.idleCpuMsPerConnectionSecond) * scenario.windowSeconds,
    ),
  );
  const windowMs = scenario.windowSeconds * 1000;
  const pgXacts = costOf(figures.pg.xacts, cards, local, cards);
  const pgRows = costOf(figures.pg.rows, cards, local, cards);
  const pgCpuMs = costOf(figures.pg.cpuMs, cards, local, cards);
  const publishes =
    costOf(figures.redis.publishes, cards, local, cards) + nodes * figures.redis.idlePublishesPerNodeSecond * scenario.windowSeconds;

  // The push queue of one node (all nodes alike: each holds 1/nodes of every incident's phones).
  const order = scenario.incidents
    .map((incident, index) => ({
      index,
      readyAt: figures.commitMs.base + figures.commitMs.perAssignee * incident.size,
      cards: incident.size / nodes,
    }))
    .sort((a, b) => a.readyAt - b.readyAt);
  const p99Ms = new Array<number>(scenario.incidents.length).fill(0);
  let busyUntil = 0;
  for (const incident of order) {
    busyUntil = Math.max(busyUntil, incident.readyAt) + incident.cards * figures.pushMsPerCard;
    p99Ms[incident.index] = busyUntil;
  }

  return {
    nodes,
    connectionsPerNode: perNode,
    rssMiBPerNode: (perNode * figures.rssKiBPerConnection) / 1024,
    cpuMsByNode,
    cpuShareByNode: cpuMsByNode.map((cpuMs) => cpuMs / windowMs),
    pg: {
      xacts: pgXacts,
      rows: pgRows,
      xactsPerSecond: pgXacts / scenario.windowSeconds,
      rowsPerSecond: pgRows / scenario.windowSeconds,
      cpuMs: pgCpuMs,
      cpuShare: pgCpuMs / windowMs,
    },
    redis: {
      publishes,
      publishesPerSecond: publishes / scenario.windowSeconds,
      // Every node subscribes to every channel (the adapter's pattern subscription, the request channel).
      deliveriesPerSecond: (publishes * nodes) / scenario.windowSeconds,
      bytesPerSecond: (publishes * nodes * figures.redis.bytesPerPublish) / scenario.windowSeconds,
    },
    p99Ms,
  };
}

/** Pool size for a node by Little's law: transactions in flight = rate × duration, twice that for bursts, at least `floor`. */
export function poolSize(xactsPerSecondPerNode: number, transactionMs: number, floor = 10): number {
  return Math.max(floor, Math.ceil(2 * xactsPerSecondPerNode * (transactionMs / 1000)));
}

/** The 成渝 region of docs/capacity.md: 20,000 phones connected, 10 incidents of 200 and one of 5,000 at once. */
export function regionScenario(nodes: number, windowSeconds = 10): Scenario {
  return {
    connections: 20_000,
    // The large one on node A, the small ones spread by the balancer.
    incidents: [{ size: 5_000, node: 0 }, ...Array.from({ length: 10 }, (_, index) => ({ size: 200, node: (index + 1) % nodes }))],
    windowSeconds,
  };
}

/**
 * Wall ms per card pushed by a node with a core of its own: 10,000 cards left one pinned node in
 * 563–695 ms (docs/performance.md, the timing probe of 2026-12-03), ≈ 0.063 ms each. The three-node
 * run on 2 shared cores measures several times that.
 */
export const DEDICATED_PUSH_MS_PER_CARD = 0.063;

/** One line per node count: the region with all nodes, and with one of them lost. */
export function regionTable(figures: Figures, nodeCounts: number[], windowSeconds = 10) {
  return nodeCounts.map((nodes) => {
    const all = predict(figures, regionScenario(nodes, windowSeconds), nodes);
    const oneLost = predict(figures, regionScenario(nodes - 1, windowSeconds), nodes - 1);
    const dedicated = predict({ ...figures, pushMsPerCard: DEDICATED_PUSH_MS_PER_CARD }, regionScenario(nodes, windowSeconds), nodes);
    return {
      nodes,
      connectionsPerNode: Math.round(all.connectionsPerNode),
      rssMiBPerNode: Math.round(all.rssMiBPerNode),
      cpuShareMax: Math.max(...all.cpuShareByNode),
      cpuShareMaxOneLost: Math.max(...oneLost.cpuShareByNode),
      pgXactsPerSecond: all.pg.xactsPerSecond,
      pgRowsPerSecond: all.pg.rowsPerSecond,
      pgCores: all.pg.cpuShare,
      redisPublishesPerSecond: all.redis.publishesPerSecond,
      redisDeliveriesPerSecond: all.redis.deliveriesPerSecond,
      redisMiBPerSecond: all.redis.bytesPerSecond / 2 ** 20,
      /** p99 of the 5,000 and of the slowest 200, with this machine's push rate, and with a core per node. */
      p99LargeMs: all.p99Ms[0]!,
      p99SmallMs: Math.max(...all.p99Ms.slice(1)),
      p99LargeDedicatedMs: dedicated.p99Ms[0]!,
      p99SmallDedicatedMs: Math.max(...dedicated.p99Ms.slice(1)),
    };
  });
}
