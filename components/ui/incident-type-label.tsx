'use client';

import { useIncidentTypeName } from './use-incident-type-name';

export function IncidentTypeLabel({ type }: { type: string }) {
  const nameOf = useIncidentTypeName();
  return <>{nameOf(type)}</>;
}
