'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { KNOWN_INCIDENT_TYPES } from '@/server/contracts/admin';
import { FormField } from '../ui/form-field';
import { invalidProps } from './use-form-errors';

const OTHER = '__other';
const isKnown = (type: string) => (KNOWN_INCIDENT_TYPES as readonly string[]).includes(type);

type Props = { value: string; error?: string; onChange: (type: string) => void };

/**
 * A plan's incident type, chosen by its name (水体油污, 危化品泄漏…); a type the catalog does not
 * name yet can still be given as a code under "other".
 */
export function IncidentTypeField({ value, error, onChange }: Props) {
  const t = useTranslations('admin.planEditor');
  const tCommon = useTranslations('common');
  const [isOther, setIsOther] = useState(value !== '' && !isKnown(value));

  return (
    <>
      <FormField id="plan-incidentType" label={t('incidentType')} error={isOther ? undefined : error}>
        <select
          id="plan-incidentType"
          value={isOther ? OTHER : value}
          onChange={(event) => {
            const chosen = event.target.value;
            setIsOther(chosen === OTHER);
            onChange(chosen === OTHER ? '' : chosen);
          }}
          {...invalidProps('plan-incidentType', isOther ? undefined : error)}
        >
          <option value="" disabled>
            {t('incidentTypeChoose')}
          </option>
          {KNOWN_INCIDENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {tCommon(`incidentTypes.${type}`)}
            </option>
          ))}
          <option value={OTHER}>{t('incidentTypeOther')}</option>
        </select>
      </FormField>
      {isOther && (
        <FormField id="plan-incidentTypeCode" label={t('incidentTypeCode')} hint={t('incidentTypeHint')} error={error}>
          <input
            id="plan-incidentTypeCode"
            value={value}
            autoCapitalize="none"
            onChange={(event) => onChange(event.target.value)}
            {...invalidProps('plan-incidentTypeCode', error)}
          />
        </FormField>
      )}
    </>
  );
}
