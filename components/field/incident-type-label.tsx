'use client';

import { useTranslations } from 'next-intl';

/** Names a plan's incident type; a type added later without a label still shows its code. */
export function useIncidentTypeName() {
  const t = useTranslations('common');
  return (type: string) => {
    const key = `incidentTypes.${type}`;
    return t.has(key) ? t(key) : type;
  };
}

export function IncidentTypeLabel({ type }: { type: string }) {
  const nameOf = useIncidentTypeName();
  return <>{nameOf(type)}</>;
}
