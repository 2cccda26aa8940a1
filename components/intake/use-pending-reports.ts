'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { callApi } from '@/components/ui/api-client';
import { getSocket } from '@/components/realtime/socket-client';
import type { ReportUpdatedMessage } from '@/server/contracts/events';
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

  useEffect(() => {
    const socket = getSocket();
    const seen = new Set<string>();
    const updated = ({ messageId, report }: ReportUpdatedMessage) => {
      // A repeat of the same fact (another node, a redelivery) changes nothing and rings nothing.
      if (seen.has(messageId)) return;
      seen.add(messageId);
      pushedSinceRead.current.set(report.id, report);
      if (report.status === 'pending') onNew(report);
      setReports((current) => {
        const others = current.filter((candidate) => candidate.id !== report.id);
        return report.status === 'pending' ? [report, ...others] : others;
      });
    };
    const connected = () => void refresh();
    socket.on('report:updated', updated);
    socket.on('connect', connected);
    void refresh();
    return () => {
      socket.off('report:updated', updated);
      socket.off('connect', connected);
    };
  }, [refresh, onNew]);

  const remove = (id: string) => setReports((current) => current.filter((report) => report.id !== id));
  return { reports, remove };
}
