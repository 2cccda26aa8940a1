import { statutoryReportContentInput } from '../contracts/statutory-report-input';
import type { StatutoryReportContent, StatutoryReportKind } from '../contracts/statutory-reports';
import { invalid } from '../kernel/errors';

const FINAL_ONLY = ['measuresAndResults', 'indirectLosses', 'socialImpact', 'remainingWork', 'accountability'] as const;

/**
 * A version's content, or the refusal a person can act on: a monitoring value that is not a number
 * or has no unit, a level that does not exist, else the field that is wrong. The 处理结果报告's own
 * sections are kept empty in the other reports.
 */
export function parseReportContent(raw: unknown, kind: StatutoryReportKind): StatutoryReportContent {
  const result = statutoryReportContentInput.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path ?? [];
    const field = path.join('.') || 'content';
    if (path[0] === 'monitoring' && path.length >= 3) {
      const row = Number(path[1]) + 1;
      if (path[2] === 'value') throw invalid('monitoringValueNotNumber', { field: `content.${field}`, row });
      if (path[2] === 'unit') throw invalid('monitoringUnitRequired', { field: `content.${field}`, row });
      throw invalid('monitoringReadingInvalid', { field: `content.${field}`, row });
    }
    if (path[0] === 'severity') throw invalid('unknownSeverity', { field: 'content.severity' });
    throw invalid('invalidField', { field: `content.${field}`, reason: issue?.message ?? 'invalid' });
  }
  const content = result.data;
  if (kind === 'final') return content;
  return { ...content, ...Object.fromEntries(FINAL_ONLY.map((key) => [key, ''])) };
}
