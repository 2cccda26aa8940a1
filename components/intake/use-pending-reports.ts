'use client';

import { useCallback, useRef, useState } from 'react';
import { callApi } from '@/components/ui/api-client';
import { useSocket } from '@/components/realtime/use-socket';
import type { PendingReportView } from '@/server/contracts/intake';

/**
 * The command room's pending reports: read on mount and on every (re)connect of the desk's socket,
 * kept live by `report:updated` (a new one is added and announced, a decided one leaves the list).
 * Only the latest read counts, and pushes that arrived while it was in flight are laid over it:
 * an older answer landing late must not hide a report that was pushed meanwhile.
 */
export function usePendingReports(onNew: (report: PendingReportView) => void) {
  const [reports, setReports] = useState<PendingReportView[]>([]);
  const latestRead = useRef(0);
  const pushedSinceRead = useRef(new Map<string, PendingReportView>());

  const refresh = useCallback(async () => {
    const read = ++latestRead.current;
    pushedSinceRead.current = new Map();
    const result = await callApi<{ reports: PendingReportView[] }>('/api/reports');
    if (!result.ok || read !== latestRead.current) return;
    const pushed = pushedSinceRead.current;
    const listed = result.data.reports.filter((report) => (pushed.get(report.id)?.status ?? 'pending') === 'pending');
    const added = [...pushed.values()].filter((report) => report.status === 'pending' && !listed.some((known) => known.id === report.id));
    setReports([...added, ...listed]);
  }, []);

  // The shared hook drops a repeat of the same fact (another node, a redelivery) and re-reads on every (re)connect.
  useSocket(
    {
      'report:updated': ({ report }) => {
        pushedSinceRead.current.set(report.id, report);
        if (report.status === 'pending') onNew(report);
        setReports((current) => {
          const others = current.filter((candidate) => candidate.id !== report.id);
          return report.status === 'pending' ? [report, ...others] : others;
        });
      },
    },
    () => void refresh(),
  );
  const remove = (id: string) => setReports((current) => current.filter((report) => report.id !== id));
  return { reports, remove };
}
