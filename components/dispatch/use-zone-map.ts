'use client';

import { useCallback, useMemo, useState } from 'react';
import { useSocket } from '@/components/realtime/use-socket';
import { ALL_LEVELS, filterEnterprises, focusFor, matchesFilter, toggleLevel, type ZoneFocus } from '@/components/maps/zone-map';
import type { ZonePointsStatus } from '@/components/maps/zone-risk-points';
import type { RiskLevel } from '@/server/contracts/one-map';
import type { EnterpriseSummary } from '@/server/contracts/views';

/** The zone map's search, risk filter and zoom status, and the one-map versions pushed since load. */
export function useZoneMap(enterprises: EnterpriseSummary[], linkedEnterpriseId: string) {
  const [query, setQuery] = useState('');
  const [levels, setLevels] = useState<ReadonlySet<RiskLevel>>(ALL_LEVELS);
  const [focus, setFocus] = useState<ZoneFocus | null>(null);
  const [status, setStatus] = useState<ZonePointsStatus | null>(null);
  const [mapVersions, setMapVersions] = useState<Record<string, number>>({});

  const visible = useMemo(
    () => filterEnterprises(enterprises, { query, levels }, linkedEnterpriseId),
    [enterprises, query, levels, linkedEnterpriseId],
  );
  const matching = useMemo(
    () => enterprises.filter((enterprise) => matchesFilter(enterprise, { query, levels })),
    [enterprises, query, levels],
  );

  useSocket({
    'map:published': ({ enterpriseId, version }) =>
      setMapVersions((current) => ({ ...current, [enterpriseId]: Math.max(current[enterpriseId] ?? 0, version) })),
  });

  const toggle = useCallback((level: RiskLevel) => setLevels((current) => toggleLevel(current, level)), []);
  // Only a search moves the map: ticking a box should not throw the officer's view around.
  const focusMatches = useCallback(() => setFocus(query.trim() ? focusFor(matching) : null), [matching, query]);

  return { query, setQuery, levels, toggle, visible, matchCount: matching.length, focus, focusMatches, status, setStatus, mapVersions };
}

export type ZoneMapState = ReturnType<typeof useZoneMap>;
