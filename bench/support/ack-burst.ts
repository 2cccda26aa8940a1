// Shared by the 收到-burst benchmarks (ack-ingest.ts on SQLite, ack-burst-pg.ts on PostgreSQL): the
// phones (tests/helpers/field-client.ts, in the benchmark's own process: receipts, sync), two
// incidents of the same size triggered through the API, and the burst itself: every phone presses
// 收到 at once on its card of one incident (socket `assignment:ack`, the real path), timed from the
// first emit to the last reply, with the phones' own CPU share over that window.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { AckResult } from '../../server/contracts/events';
import { createFieldClient, type FieldClient } from '../../tests/helpers/field-client';
import { summarize, type Summary } from '../lib/stats';
import { phoneLoad } from './fanout-round';

type Person = { cookie: string };

export async function waitUntil(what: string, isDone: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await isDone())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** One phone per person, connected 200 at a time (reconnect off: a dropped phone shows as a failed 收到). */
export async function connectPhones(url: string, people: Person[]): Promise<FieldClient[]> {
  const clients: FieldClient[] = [];
  for (let start = 0; start < people.length; start += 200) {
    const batch = people.slice(start, start + 200).map((person) => createFieldClient({ url, cookie: person.cookie, reconnect: false }));
    await Promise.all(batch.map((client) => client.ready()));
    clients.push(...batch);
  }
  return clients;
}

/** 一键启动 of the load plan (a drill) over the API, as a command user; the new incident's id. */
export async function triggerLoadIncident(url: string, cookie: string, planId: string, label: string): Promise<string> {
  const response = await fetch(`${url}/api/incidents`, {
    method: 'POST',
    headers: { cookie, origin: url, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ planId, location: { lat: 29.6, lng: 106.3 }, description: `基准测试：收到 ${label}`, drill: true }),
  });
  if (response.status !== 201) throw new Error(`trigger ${label}: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { incident: { id: string } }).incident.id;
}

/** The phone's card of `incidentId`. */
export const cardOf = (client: FieldClient, incidentId: string) =>
  [...client.cards.values()].find((card) => card.incidentId === incidentId)!.assignmentId;

export type BurstResult = {
  elapsedMs: number;
  ok: number;
  failed: number;
  /** emit → reply per phone (ms). */
  latencies: number[];
  latencyMs: Summary;
  /** The phones' process (this one) over the burst: CPU time ÷ wall time, as a share of its one core, and its event-loop utilisation. */
  phones: { cpuMs: number; wallMs: number; cpuOfCore: number; elu: number };
};

/** Every phone presses 收到 on its card of `incidentId` at once; resolves when every one is answered. */
export async function ackBurst(clients: FieldClient[], incidentId: string): Promise<BurstResult> {
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  const cpuFrom = process.cpuUsage();
  const eluFrom = performance.eventLoopUtilization();
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      const sent = performance.now();
      const reply = (await client.socket
        .timeout(120_000)
        .emitWithAck('assignment:ack', { assignmentId: cardOf(client, incidentId) })
        .catch((error: Error) => ({ ok: false, error: error.message }))) as AckResult<unknown>;
      latencies.push(performance.now() - sent);
      if (reply.ok) ok += 1;
      else failed += 1;
    }),
  );
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuFrom);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const elu = performance.eventLoopUtilization(eluFrom).utilization;
  // One process, one core's worth of JavaScript at most: its share of that core.
  const share = phoneLoad([{ receive: null, ack: { cpuMs, wallMs: elapsedMs, elu } }], 1).ack!;
  return {
    elapsedMs,
    ok,
    failed,
    latencies,
    latencyMs: summarize(latencies),
    phones: { cpuMs, wallMs: elapsedMs, cpuOfCore: share.cpuOfCores, elu },
  };
}
