'use client';

import { useCallback, useEffect, useState } from 'react';
import { useSocket } from '@/components/realtime/use-socket';
import { callApi } from '@/components/ui/api-client';

export type SuspectedSourceView = {
  enterpriseId: string;
  name: string;
  riskLevel: string;
  distanceMetres: number;
  matches: {
    code: string;
    name: string;
    substances: string[];
    /** 突发环境事件风险物质 category each substance matched on. */
    categories?: Record<string, { id: string; zh: string; en: string }>;
  }[];
};

export type SuspectedSourcesState =
  { kind: 'loading' } | { kind: 'ready'; sources: SuspectedSourceView[] } | { kind: 'error'; message: string };

/** 可疑污染源 for the board; a newly published map may add or drop a lead, so it is re-read then. */
export function useSuspectedSources(incidentId: string) {
  const [state, setState] = useState<SuspectedSourcesState>({ kind: 'loading' });

  const read = useCallback(async () => {
    const result = await callApi<SuspectedSourceView[]>(`/api/incidents/${incidentId}/suspected-sources`);
    // A failed re-read keeps the list already on screen.
    setState((current) =>
      result.ok
        ? { kind: 'ready', sources: result.data }
        : current.kind === 'ready'
          ? current
          : { kind: 'error', message: result.error.message },
    );
  }, [incidentId]);

  useEffect(() => {
    void read();
  }, [read]);

  useSocket({ 'map:published': () => void read() });
  return { state, retry: read };
}
