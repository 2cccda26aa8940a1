import { DeliveryError } from './notifier';

export const SEND_TIMEOUT_MS = 5_000;

/**
 * POSTs a body and returns the response text. Non-2xx, a timeout or a network error throws a
 * DeliveryError; 4xx (other than 408/429) is permanent: the same request will not succeed later.
 */
export async function postJson(
  url: string,
  body: string | Uint8Array,
  headers: Record<string, string>,
  timeoutMs = SEND_TIMEOUT_MS,
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : new Uint8Array(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    const isTimeout = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new DeliveryError(isTimeout ? 'timeout' : 'network', false, error instanceof Error ? error.message : '');
  }
  const text = await response.text().catch(() => '');
  if (response.ok) return text;
  const isPermanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
  throw new DeliveryError(`http_${response.status}`, isPermanent, text.slice(0, 200));
}
