'use client';

import { useCallback, useState } from 'react';
import { callApi } from '@/components/ui/api-client';
import { useSocket } from '@/components/realtime/use-socket';
import type { IncidentSummary } from '@/server/contracts/dispatch';

const newestFirst = (a: IncidentSummary, b: IncidentSummary) => b.createdAt.localeCompare(a.createdAt);

/** The jurisdiction's active incidents: first from the page, then kept current by pushes and resyncs. */
export function useActiveIncidents(initial: IncidentSummary[]) {
  const [incidents, setIncidents] = useState(initial);

  const resync = useCallback(async () => {
    const result = await callApi<IncidentSummary[]>('/api/incidents?status=active');
    if (result.ok) setIncidents(result.data);
  }, []);

  const { isConnected } = useSocket(
    {
      'incident:updated': ({ incident }) =>
        setIncidents((previous) => {
          const others = previous.filter((item) => item.id !== incident.id);
          return incident.status === 'active' ? [...others, incident].sort(newestFirst) : others;
        }),
    },
    // Pushes missed while disconnected are not replayed: re-read the truth on every (re)connect.
    () => void resync(),
  );

  return { incidents, isConnected };
}
