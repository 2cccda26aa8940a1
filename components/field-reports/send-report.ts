import type { FieldReportView } from '@/server/contracts/field-reports';
import type { QueuedReport } from './report-outbox';

/** sent: stored (or already stored). retry: no network or a passing server failure, keep it. refused: the server said no. */
export type SendResult = { kind: 'sent'; report: FieldReportView } | { kind: 'retry' } | { kind: 'refused'; message: string; status: number };

export async function sendReport(item: QueuedReport): Promise<SendResult> {
  const form = new FormData();
  const { photos, incidentId, ...fields } = item;
  form.append('report', JSON.stringify(fields));
  for (const [index, photo] of photos.entries()) {
    form.append('photo', photo.blob, `photo-${index + 1}.jpg`);
    form.append('exif', photo.exif ?? new Blob([]), 'exif.bin');
  }
  let response: Response;
  try {
    response = await fetch(`/api/incidents/${incidentId}/field-reports`, { method: 'POST', body: form, credentials: 'same-origin' });
  } catch {
    return { kind: 'retry' };
  }
  if (response.ok) return { kind: 'sent', report: ((await response.json()) as { report: FieldReportView }).report };
  if (response.status >= 500 || response.status === 429 || response.status === 401) return { kind: 'retry' };
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return { kind: 'refused', message: body?.error?.message ?? String(response.status), status: response.status };
}
