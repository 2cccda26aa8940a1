'use client';

import { useTranslations } from 'next-intl';

/** Names an incident type; a type added later without a catalog label still shows its code. */
export function useIncidentTypeName() {
  const t = useTranslations('common');
  return (type: string) => {
    const key = `incidentTypes.${type}`;
    return t.has(key) ? t(key) : type;
  };
}
