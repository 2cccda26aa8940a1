'use client';

import { useCallback, useState } from 'react';
import { callApi, type ApiResult } from '@/components/ui/api-client';
import type { IncidentReportsView, StatutoryReportView } from '@/server/contracts/statutory-report-input';
import type { StatutoryReportContent, StatutoryReportKind } from '@/server/contracts/statutory-reports';

export type Selection = { reportId: string; version: number } | null;

const latest = (report: StatutoryReportView) => report.versions[report.versions.length - 1]!.version;

/** The page's state: the reports as the server last answered, which version is open, and the verbs. */
export function useReports(initial: IncidentReportsView) {
  const [view, setView] = useState(initial);
  const [selection, setSelection] = useState<Selection>(() => {
    const first = initial.reports[0];
    return first ? { reportId: first.id, version: latest(first) } : null;
  });
  const base = `/api/incidents/${initial.incident.id}/statutory-reports`;

  const reread = useCallback(async () => {
    const result = await callApi<IncidentReportsView>(base);
    if (result.ok) setView(result.data);
  }, [base]);

  // Every answer carries the whole report: put it in place, and open its version `pick`.
  const apply = useCallback((result: ApiResult<{ report: StatutoryReportView }>, pick: 'latest' | number) => {
    if (!result.ok) return result;
    const report = result.data.report;
    setView((current) => ({
      ...current,
      reports: current.reports.some((known) => known.id === report.id)
        ? current.reports.map((known) => (known.id === report.id ? report : known))
        : [...current.reports, report],
    }));
    setSelection({ reportId: report.id, version: pick === 'latest' ? latest(report) : pick });
    return result;
  }, []);

  return {
    view,
    selection,
    select: setSelection,
    create: async (kind: StatutoryReportKind) => apply(await callApi(base, { body: { kind } }), 'latest'),
    save: async (reportId: string, content: StatutoryReportContent) =>
      apply(await callApi(`${base}/${reportId}/versions`, { body: { content } }), 'latest'),
    signOff: async (reportId: string, version: number) => {
      const result = apply(await callApi(`${base}/${reportId}/versions/${version}/sign-off`, { method: 'POST' }), version);
      // The 初报 clock stops at its first sign-off.
      if (result.ok) await reread();
      return result;
    },
    notify: async (reportId: string, body: Record<string, string>, version: number) =>
      apply(await callApi(`${base}/${reportId}/notifications`, { body }), version),
  };
}

export type ReportsState = ReturnType<typeof useReports>;
