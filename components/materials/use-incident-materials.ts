'use client';

import { useCallback, useEffect, useState } from 'react';
import { useSocket } from '@/components/realtime/use-socket';
import { callApi } from '@/components/ui/api-client';
import type { MaterialShortfallView, ReservationView } from '@/server/contracts/materials';

export type IncidentMaterials = { reservations: ReservationView[]; shortfalls: MaterialShortfallView[] };

/**
 * An incident's reserved materials, as the caller may see them (all for command, the role's for an
 * assignee); re-read whenever they may have changed: the board hears incident:updated, a phone
 * materials:updated, both the lift. `advance` moves one a step (已领取, 已布设) and re-reads.
 */
export function useIncidentMaterials(incidentId: string) {
  const [materials, setMaterials] = useState<IncidentMaterials | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const read = useCallback(async () => {
    const result = await callApi<IncidentMaterials>(`/api/incidents/${incidentId}/materials`);
    if (result.ok) {
      setMaterials(result.data);
      setError(null);
    } else setError(result.error.message);
  }, [incidentId]);
  useEffect(() => {
    void read();
  }, [read]);
  useSocket({
    'incident:updated': ({ incident }) => incident.id === incidentId && void read(),
    'incident:lifted': (message) => message.incidentId === incidentId && void read(),
    'materials:updated': (message) => message.incidentId === incidentId && void read(),
  });
  const advance = useCallback(
    async (reservationId: string) => {
      const result = await callApi(`/api/material-reservations/${reservationId}/advance`, { method: 'POST' });
      setActionError(result.ok ? null : result.error.message);
      await read();
    },
    [read],
  );
  return { materials, error, actionError, read, advance };
}
