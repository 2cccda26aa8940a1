// One fan-out round against our app or the bare baseline, measured from the moment the trigger
// request starts: each phone's receipt time, the time its 收到 was answered, the time the board
// showed all acknowledged, and whether every phone got exactly its own card.
import { percentile, summarize } from '../lib/stats';
import type { WorkerLoad } from './client-worker';
import { now, postJson, type Fleet, type LoadDatabase, type LoopStats, type MeasuredServer, type ServerKind } from './fanout-harness';
import { phoneCores } from './pin-cpu';

/** The most the phones' processes may use of their cores before they, not the server, set the pace. */
export const PHONE_CPU_LIMIT = 0.5;

/**
 * The phones' own load in a round: their processes' CPU time from just before the trigger until the
 * last card was read, as a share of the cores they may use, and the busiest process's event-loop
 * utilisation. Above PHONE_CPU_LIMIT the phones were busy more than half the time the server took
 * to send: they were queueing, and the round measured them as much as the server.
 */
export function phoneLoad(loads: WorkerLoad[], cores = phoneCores) {
  const share = (window: 'receive' | 'ack') => {
    const spans = loads.map((load) => load[window]).filter((span) => span !== null);
    if (spans.length === 0) return null;
    const cpuMs = spans.reduce((sum, span) => sum + span.cpuMs, 0);
    const wallMs = Math.max(...spans.map((span) => span.wallMs));
    return wallMs <= 0 ? null : { cpuMs, cpuOfCores: cpuMs / wallMs / cores, maxElu: Math.max(...spans.map((span) => span.elu)) };
  };
  return { cores, receive: share('receive'), ack: share('ack') };
}
export type PhoneLoad = ReturnType<typeof phoneLoad>;
export const isPhoneBound = (load: PhoneLoad) => (load.receive?.cpuOfCores ?? 0) > PHONE_CPU_LIMIT;

export type RoundOutcome = {
  kind: ServerKind;
  size: number;
  /** trigger start → each phone's receipt (ms), phones that got a card. */
  received: number[];
  /** The same per app node the phones were connected to (one entry with a single node). */
  receivedByNode: number[][];
  /** trigger start → the trigger's HTTP answer. */
  responseMs: number;
  /**
   * trigger start → the server's last card written to its socket (probe.mjs), and how many were
   * written: the server's own pace, which the phones cannot slow down (null if none was written).
   */
  lastCardOutMs: number | null;
  cardsWritten: number;
  /** trigger start → the last phone's 收到 answered by the server. */
  allAckedMs: number | null;
  /** trigger start → the board first showed N acknowledged. */
  boardAllAckedMs: number | null;
  /** Acknowledged rows in the database after the round (app only). */
  acknowledgedInDb: number | null;
  lost: number;
  wrongCard: number;
  repushed: number;
  ackErrors: number;
  disconnected: number;
  loop: LoopStats;
  phones: PhoneLoad;
};

export async function runRound(options: {
  server: MeasuredServer;
  fleet: Fleet;
  board: { allAcknowledged: (incidentId: string | null, expected: number, timeoutMs: number) => Promise<number | null> };
  database: LoadDatabase;
  timeoutMs: number;
  card?: Record<string, unknown>;
}): Promise<RoundOutcome> {
  const { server, fleet, board, database, timeoutMs } = options;
  const duty = database.sessions.command.find((person) => person.username === 'duty')!;
  await fleet.arm();
  const boardDone = board.allAcknowledged(null, fleet.size, timeoutMs);
  const acked = fleet.waitAcked(timeoutMs);
  await server.loopReset();

  const started = now();
  const answer =
    server.kind === 'app'
      ? await postJson<{ incident: { id: string } }>(`${server.url}/api/incidents`, duty.cookie, {
          planId: database.sessions.planId,
          location: { lat: 29.5873, lng: 106.3291 },
          description: `fan-out bench ${new Date().toISOString()}`,
          drill: true,
        })
      : await postJson<{ incident: { id: string } }>(`${server.url}/fanout`, duty.cookie, { card: options.card });
  const responseMs = now() - started;
  const [boardAt] = await Promise.all([boardDone, acked]);
  const { loop, cards } = await server.roundRead();
  const { results, disconnected, loads } = await fleet.collect();

  let acknowledgedInDb: number | null = null;
  if (server.kind === 'app') {
    acknowledgedInDb = await database.countAcknowledged(answer.incident.id);
    // Lifted, so the next round starts from a quiet board (every phone is told; the workers ignore it).
    await postJson(`${server.url}/api/incidents/${answer.incident.id}/lift`, duty.cookie, { reason: '演练结束' });
  } else if (server.kind === 'bare-durable') {
    acknowledgedInDb = await database.countAcknowledged(answer.incident.id);
    await postJson(`${server.url}/lift/${answer.incident.id}`, duty.cookie, {});
  }

  const ackTimes = results.map((result) => result.ackedAt);
  const receivedByNode = Array.from({ length: Math.max(0, ...results.map((result) => result.node)) + 1 }, (_, node) =>
    results.flatMap((result) => (result.node !== node || result.receivedAt === null ? [] : [result.receivedAt - started])),
  );
  return {
    kind: server.kind,
    size: fleet.size,
    received: receivedByNode.flat(),
    receivedByNode,
    responseMs,
    lastCardOutMs: cards.lastAt === null ? null : cards.lastAt - started,
    cardsWritten: cards.written,
    allAckedMs: ackTimes.every((at) => at !== null) ? Math.max(...(ackTimes as number[])) - started : null,
    boardAllAckedMs: boardAt === null ? null : boardAt - started,
    acknowledgedInDb,
    lost: results.filter((result) => result.cards === 0).length,
    wrongCard: results.filter((result) => !result.isOwn || result.assignmentIds > 1).length,
    repushed: results.reduce((sum, result) => sum + (result.cards - result.assignmentIds), 0),
    ackErrors: results.filter((result) => result.ackError !== null).length,
    disconnected,
    loop,
    phones: phoneLoad(loads),
  };
}

export const round1 = (value: number | null) => (value === null || !Number.isFinite(value) ? null : Math.round(value * 10) / 10);
const round2 = (value: number | null) => (value === null || !Number.isFinite(value) ? null : Math.round(value * 100) / 100);

/** Compact per-round line for the console and the JSON. */
export function describeRound(outcome: RoundOutcome) {
  return {
    kind: outcome.kind,
    size: outcome.size,
    p50: round1(percentile(outcome.received, 50)),
    p99: round1(percentile(outcome.received, 99)),
    max: round1(outcome.received.length ? Math.max(...outcome.received) : Number.NaN),
    ...(outcome.receivedByNode.length > 1 ? { p99ByNode: outcome.receivedByNode.map((times) => round1(percentile(times, 99))) } : {}),
    responseMs: round1(outcome.responseMs),
    lastCardOutMs: round1(outcome.lastCardOutMs),
    cardsWritten: outcome.cardsWritten,
    allAckedMs: round1(outcome.allAckedMs),
    boardAllAckedMs: round1(outcome.boardAllAckedMs),
    acknowledgedInDb: outcome.acknowledgedInDb,
    lost: outcome.lost,
    wrongCard: outcome.wrongCard,
    repushed: outcome.repushed,
    ackErrors: outcome.ackErrors,
    disconnected: outcome.disconnected,
    loopP99: outcome.loop.p99,
    loopMax: outcome.loop.max,
    // The phones' share of their cores while the cards arrived, and their busiest event loop.
    phonesCpu: round2(outcome.phones.receive?.cpuOfCores ?? null),
    phonesCpuMs: round1(outcome.phones.receive?.cpuMs ?? null),
    phonesElu: round2(outcome.phones.receive?.maxElu ?? null),
    phonesCpuToAck: round2(outcome.phones.ack?.cpuOfCores ?? null),
  };
}

/** The rounds of one server taken together: receipt times pooled, the rest as medians or sums over rounds. */
export function pooled(outcomes: RoundOutcome[]) {
  const received = summarize(outcomes.flatMap((outcome) => outcome.received));
  const median = (values: Array<number | null>) => {
    if (values.some((value) => value === null)) return null;
    const sorted = (values as number[]).sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)]!;
  };
  return {
    received,
    allAckedMs: median(outcomes.map((outcome) => outcome.allAckedMs)),
    boardAllAckedMs: median(outcomes.map((outcome) => outcome.boardAllAckedMs)),
    responseMs: median(outcomes.map((outcome) => outcome.responseMs)),
    /** The server's own pace, which slow phones cannot change: trigger → last card written, median of rounds. */
    lastCardOutMs: median(outcomes.map((outcome) => outcome.lastCardOutMs)),
    lost: outcomes.reduce((sum, outcome) => sum + outcome.lost, 0),
    wrongCard: outcomes.reduce((sum, outcome) => sum + outcome.wrongCard, 0),
    repushed: outcomes.reduce((sum, outcome) => sum + outcome.repushed, 0),
    ackErrors: outcomes.reduce((sum, outcome) => sum + outcome.ackErrors, 0),
    // Phones dropped during the round (e.g. by the ping timeout while the server's loop was blocked).
    disconnected: outcomes.reduce((sum, outcome) => sum + outcome.disconnected, 0),
    loopP99Max: Math.max(...outcomes.map((outcome) => outcome.loop.p99)),
    /** The highest share of their cores the phones used in any round while the cards arrived. */
    phonesCpuMax: Math.max(...outcomes.map((outcome) => outcome.phones.receive?.cpuOfCores ?? 0)),
    phoneBoundRounds: outcomes.filter((outcome) => isPhoneBound(outcome.phones)).length,
    /**
     * How many cores the phones would need to stay within PHONE_CPU_LIMIT at this server's own pace
     * (their CPU time while the cards arrived, over the time the server took to write them), median of rounds.
     */
    phoneCoresNeeded: median(
      outcomes.map((outcome) =>
        outcome.phones.receive && outcome.lastCardOutMs ? outcome.phones.receive.cpuMs / outcome.lastCardOutMs / PHONE_CPU_LIMIT : null,
      ),
    ),
    // The target's measure: each round's own p99, then the median over rounds. On a shared machine
    // one disturbed round decided the pooled p99 alone (1,000 phones: one round 617 ms, the
    // others ≈ 300 ms), for either server; the median of rounds is robust to that, for both alike.
    roundP99Median: median(outcomes.map((outcome) => percentile(outcome.received, 99)))!,
  };
}
