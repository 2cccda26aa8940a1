import type { AckResult } from '@/server/contracts/events';
import { createFieldClient, type FieldClient } from '@/tests/helpers/field-client';

// Helpers shared by the fault tests: a fleet of headless phones, HTTP calls as the duty officer,
// and bounded waiting with a useful message when the bound is hit.

export async function waitUntil(check: () => boolean, timeoutMs: number, describe: () => string = () => '') {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not reached within ${timeoutMs} ms. ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
}

export type Phone = { userId: string; username: string; client: FieldClient };

/** One phone per person, each through the given address (the server, or a proxy in front of it). */
export async function connectFleet(people: Array<{ userId: string; username: string; cookie: string; url: string }>) {
  const phones: Phone[] = people.map((person) => ({
    userId: person.userId,
    username: person.username,
    client: createFieldClient({ url: person.url, cookie: person.cookie }),
  }));
  await waitUntil(
    () => phones.every((phone) => phone.client.socket.connected),
    30_000,
    () => `${phones.filter((phone) => !phone.client.socket.connected).length} phones not connected`,
  );
  return phones;
}

export function closeFleet(phones: Phone[]) {
  for (const phone of phones) phone.client.close();
}

/** A compact account of what the fleet holds, for failure messages. */
export function describeFleet(phones: Phone[], expected?: (phone: Phone) => string | undefined) {
  const holding = new Map<number, number>();
  let wrong = 0;
  for (const phone of phones) {
    holding.set(phone.client.cards.size, (holding.get(phone.client.cards.size) ?? 0) + 1);
    const want = expected?.(phone);
    if (want && !phone.client.cards.has(want)) wrong += 1;
  }
  const duplicates = phones.filter((phone) => phone.client.duplicates().length > 0).length;
  const counts = [...holding].map(([cards, phoneCount]) => `${phoneCount} phones hold ${cards}`).join(', ');
  return `${counts}; ${wrong} lack their expected card; ${duplicates} were shown a card twice`;
}

export type HttpResult<T> = { status: number; body: T };

export async function postJson<T>(url: string, cookie: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(url).origin, cookie, ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, body: (await response.json()) as T } satisfies HttpResult<T>;
}

export type TriggerBody = { incident: { id: string }; assignments: Array<{ id: string; userId: string }> };

/** 一键启动 over HTTP, as the dashboard does it. */
export function triggerOverHttp(
  baseUrl: string,
  cookie: string,
  planId: string,
  idempotencyKey: string,
  description = '梁滩河油污 故障演练',
) {
  return postJson<TriggerBody>(
    `${baseUrl}/api/incidents`,
    cookie,
    { planId, location: { lat: 29.5873, lng: 106.3291 }, description, drill: true },
    { 'idempotency-key': idempotencyKey },
  );
}

/** A phone's request with the server's ack (bound: socket.io's emitWithAck needs its socket as `this`). */
export function request<T>(phone: Phone, event: 'assignment:ack' | 'assignment:status', payload: unknown, timeoutMs = 10_000) {
  const timed = phone.client.socket.timeout(timeoutMs);
  return (timed.emitWithAck.bind(timed) as (event: string, payload: unknown) => Promise<AckResult<T>>)(event, payload);
}
