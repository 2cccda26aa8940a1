// Browser-side JSON calls to our own route handlers. Errors come back already localized by the server.
export type ApiResult<T> =
  { ok: true; data: T; status: number } | { ok: false; status: number; error: { code: string; message: string; field?: string } };

export async function callApi<T>(
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { 'content-type': 'application/json', ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
    });
    const payload = (await response.json().catch(() => null)) as unknown;
    if (response.ok) return { ok: true, status: response.status, data: payload as T };
    const error = (payload as { error?: { code: string; message: string; field?: string } } | null)?.error;
    return { ok: false, status: response.status, error: error ?? { code: 'internal', message: response.statusText } };
  } catch {
    // The network, not the server, failed: the caller shows its own offline message.
    return { ok: false, status: 0, error: { code: 'network', message: '' } };
  }
}
