'use client';

import { useCallback, useEffect, useState } from 'react';
import { useSocket } from '@/components/realtime/use-socket';
import { callApi } from '@/components/ui/api-client';
import type { MaterialShortfallView, ReservationView } from '@/server/contracts/materials';

export type IncidentMaterials = { reservations: ReservationView[]; shortfalls: MaterialShortfallView[] };

/** An incident's reserved materials; re-read whenever the incident changes (a step advanced, the lift). */
export function useIncidentMaterials(incidentId: string) {
  const [materials, setMaterials] = useState<IncidentMaterials | null>(null);
  const [error, setError] = useState<string | null>(null);
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
  useSocket({ 'incident:updated': () => void read(), 'incident:lifted': () => void read() });
  return { materials, error, read };
}
