'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { callApi } from '@/components/ui/api-client';
import { Button } from '@/components/ui/button';
import { Alert, FormField } from '@/components/ui/form-field';
import { useIncidentTypeName } from '@/components/ui/use-incident-type-name';
import type { IncidentDetail, IncidentUpdateView, PostIncidentUpdateInput } from '@/server/contracts/dispatch';
import styles from './updates.module.css';

type Props = {
  incident: IncidentDetail;
  /** The types the jurisdiction's plans answer; the update may change the incident's to one of them. */
  incidentTypes: string[];
  /** Every enterprise of the jurisdiction, by name, to link. */
  enterprises: { id: string; name: string }[];
  onPosted: (update: IncidentUpdateView) => void;
};

const coordinate = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/**
 * 情况通报: what the officer tells every open card, and what it changes: the incident's location,
 * its type, the enterprises linked to it. One form, one press; the phones get it as a banner.
 */
export function UpdateComposer({ incident, incidentTypes, enterprises, onPosted }: Props) {
  const t = useTranslations('board');
  const typeName = useIncidentTypeName();
  const [text, setText] = useState('');
  const [isMoving, setIsMoving] = useState(false);
  const [lat, setLat] = useState(String(incident.location.lat));
  const [lng, setLng] = useState(String(incident.location.lng));
  const [incidentType, setIncidentType] = useState(incident.incidentType);
  const [link, setLink] = useState('');
  const [unlink, setUnlink] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [isPosting, setIsPosting] = useState(false);

  const linkedIds = new Set(incident.enterprises.map((enterprise) => enterprise.id));
  const linkable = enterprises.filter((enterprise) => !linkedIds.has(enterprise.id));

  const post = async (event: FormEvent) => {
    event.preventDefault();
    const body: PostIncidentUpdateInput = {
      text,
      ...(isMoving ? { location: { lat: coordinate(lat), lng: coordinate(lng) } } : {}),
      ...(incidentType !== incident.incidentType ? { incidentType } : {}),
      link: link ? [link] : [],
      unlink: [...unlink],
    };
    setIsPosting(true);
    setError(null);
    const result = await callApi<{ update: IncidentUpdateView }>(`/api/incidents/${incident.id}/updates`, { body });
    setIsPosting(false);
    if (!result.ok) {
      setError(result.status === 0 ? t('updates.network') : result.error.message);
      return;
    }
    setText('');
    setIsMoving(false);
    setLink('');
    setUnlink(new Set());
    onPosted(result.data.update);
  };

  return (
    <form className={styles.composer} onSubmit={(event) => void post(event)} data-testid="update-composer">
      <FormField id="update-text" label={t('updates.text')} hint={t('updates.textHint')}>
        <textarea
          id="update-text"
          data-testid="update-text"
          rows={2}
          maxLength={500}
          required
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </FormField>
      <div className={styles.changeGrid}>
        <FormField id="update-link" label={t('updates.link')}>
          <select id="update-link" data-testid="update-link" value={link} onChange={(event) => setLink(event.target.value)}>
            <option value="">{t('updates.noLink')}</option>
            {linkable.map((enterprise) => (
              <option key={enterprise.id} value={enterprise.id}>
                {enterprise.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="update-type" label={t('updates.type')}>
          <select id="update-type" data-testid="update-type" value={incidentType} onChange={(event) => setIncidentType(event.target.value)}>
            {[...new Set([incident.incidentType, ...incidentTypes])].map((type) => (
              <option key={type} value={type}>
                {typeName(type)}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      {incident.enterprises.length > 0 && (
        <fieldset className={styles.unlinks}>
          <legend>{t('updates.unlink')}</legend>
          {incident.enterprises.map((enterprise) => (
            <label key={enterprise.id} className={styles.check}>
              <input
                type="checkbox"
                checked={unlink.has(enterprise.id)}
                onChange={(event) =>
                  setUnlink((current) => {
                    const next = new Set(current);
                    if (event.target.checked) next.add(enterprise.id);
                    else next.delete(enterprise.id);
                    return next;
                  })
                }
              />
              {enterprise.name}
            </label>
          ))}
        </fieldset>
      )}
      <label className={styles.check}>
        <input type="checkbox" data-testid="update-move" checked={isMoving} onChange={(event) => setIsMoving(event.target.checked)} />
        {t('updates.move')}
      </label>
      {isMoving && (
        <div className={styles.changeGrid}>
          <FormField id="update-lat" label={t('updates.lat')}>
            <input id="update-lat" inputMode="decimal" value={lat} onChange={(event) => setLat(event.target.value)} />
          </FormField>
          <FormField id="update-lng" label={t('updates.lng')}>
            <input id="update-lng" inputMode="decimal" value={lng} onChange={(event) => setLng(event.target.value)} />
          </FormField>
        </div>
      )}
      {error && <Alert>{error}</Alert>}
      <Button type="submit" variant="primary" data-testid="update-post" disabled={isPosting || text.trim().length < 2}>
        {isPosting ? t('updates.posting') : t('updates.post', { count: incident.counts.total })}
      </Button>
    </form>
  );
}
