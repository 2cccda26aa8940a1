import type { Severity } from '@/server/contracts/severity';
import { callApi, type ApiResult } from '@/components/ui/api-client';
import type { IncidentSummary } from '@/server/contracts/dispatch';

export type TriggerBody = {
  planId: string;
  location: { lat: number; lng: number };
  description: string;
  enterpriseId?: string;
  drill: boolean;
  severity?: Severity;
};

type TriggerResponse = { incident: IncidentSummary };

const RETRY_DELAYS_MS = [800, 2_000, 4_000];
const isRetryable = (status: number) => status === 0 || status === 502 || status === 503 || status === 504;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POST /api/incidents with the dispatch's Idempotency-Key. A lost network or a gateway hiccup is
 * retried with the SAME key, so the server hands back the first incident instead of a second one.
 */
export async function sendTrigger(body: TriggerBody, idempotencyKey: string): Promise<ApiResult<TriggerResponse>> {
  for (let attempt = 0; ; attempt++) {
    const result = await callApi<TriggerResponse>('/api/incidents', { body, headers: { 'Idempotency-Key': idempotencyKey } });
    const delay = RETRY_DELAYS_MS[attempt];
    if (result.ok || !isRetryable(result.status) || delay === undefined) return result;
    await wait(delay);
  }
}
