import type { MonitoringReading, StatutoryReportContent } from '@/server/contracts/statutory-reports';

/** A monitoring row as typed: the value stays text until saved, so a bad one reaches the server's clear refusal. */
export type ReadingRow = Omit<MonitoringReading, 'value'> & { value: string };
export type FormState = Omit<StatutoryReportContent, 'monitoring'> & { monitoring: ReadingRow[] };

export const emptyReading = (): ReadingRow => ({ pollutant: '', value: '', unit: '', point: '', takenAt: '' });

export const toFormState = (content: StatutoryReportContent): FormState => ({
  ...content,
  monitoring: content.monitoring.map((reading) => ({ ...reading, value: String(reading.value) })),
});

/** Back to the content the server takes: a value that reads as a number is sent as one, else as typed. */
export function toContent(form: FormState): StatutoryReportContent {
  return {
    ...form,
    monitoring: form.monitoring.map((row) => {
      const trimmed = row.value.trim();
      const number = trimmed === '' ? Number.NaN : Number(trimmed);
      return { ...row, value: (Number.isFinite(number) ? number : row.value) as number };
    }),
  };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** ISO → the value of a datetime-local input, in the browser's time zone. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value → ISO, or the text as it was when it does not read as a time. */
export function fromLocalInput(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** The common core's free-text sections, in the order the 办法 lists them. */
export const CORE_TEXT = [
  'causeAndNature',
  'pollutants',
  'casualties',
  'receptorsAffected',
  'trend',
  'actionsTaken',
  'nextSteps',
  'forcesAndMaterials',
] as const;
/** The 处理结果报告's own sections. */
export const FINAL_TEXT = ['measuresAndResults', 'indirectLosses', 'socialImpact', 'remainingWork', 'accountability'] as const;
