'use client';

import { useCallback, useEffect, useState } from 'react';
import { callApi } from '@/components/ui/api-client';
import { getSocket } from '@/components/realtime/socket-client';
import type { ReportUpdatedMessage } from '@/server/contracts/events';
import type { PendingReportView } from '@/server/contracts/intake';

/**
 * The command room's pending reports: read on every (re)connect of the desk's socket, then kept
 * live by `report:updated` (a new one is added and announced, a decided one leaves the list).
 */
export function usePendingReports(onNew: (report: PendingReportView) => void) {
  const [reports, setReports] = useState<PendingReportView[]>([]);

  const refresh = useCallback(async () => {
    const result = await callApi<{ reports: PendingReportView[] }>('/api/reports');
    if (result.ok) setReports(result.data.reports);
  }, []);

  useEffect(() => {
    const socket = getSocket();
    const updated = ({ report }: ReportUpdatedMessage) => {
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
