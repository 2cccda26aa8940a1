'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useIncidentTypeName } from '@/components/ui/use-incident-type-name';
import type { IncidentDetail, IncidentUpdateView } from '@/server/contracts/dispatch';
import { UpdateComposer } from './update-composer';
import styles from './updates.module.css';

type Props = {
  incident: IncidentDetail;
  incidentTypes: string[];
  enterprises: { id: string; name: string }[];
  onPosted: (update: IncidentUpdateView) => void;
};

/** 情况通报 on the board: the form (while the alarm is on) and every update so far, newest first. */
export function IncidentUpdates({ incident, incidentTypes, enterprises, onPosted }: Props) {
  const t = useTranslations('board');
  const format = useFormatter();
  const typeName = useIncidentTypeName();
  const isActive = incident.status === 'active';
  return (
    <section className={styles.box} aria-labelledby="updates-title" data-testid="board-updates">
      <h2 id="updates-title" className={styles.title}>
        {t('updates.title', { count: incident.updates.length })}
      </h2>
      {isActive && <UpdateComposer incident={incident} incidentTypes={incidentTypes} enterprises={enterprises} onPosted={onPosted} />}
      {incident.updates.length > 0 && (
        <ol className={styles.list}>
          {[...incident.updates].reverse().map((update) => (
            <li key={update.id} className={styles.item} data-testid="board-update" data-seq={update.seq}>
              <span className={styles.meta}>
                #{update.seq} · {format.dateTime(new Date(update.at), { hour: '2-digit', minute: '2-digit', second: '2-digit' })} ·{' '}
                {update.authorName}
              </span>
              <span>{update.text}</span>
              <span className={styles.changes}>
                {[
                  update.location
                    ? t('updates.movedTo', { lat: update.location.lat.toFixed(5), lng: update.location.lng.toFixed(5) })
                    : null,
                  update.incidentType ? t('updates.retyped', { type: typeName(update.incidentType) }) : null,
                  ...update.linked.map((enterprise) => t('updates.linked', { name: enterprise.name })),
                  ...update.unlinked.map((enterprise) => t('updates.unlinked', { name: enterprise.name })),
                ]
                  .filter(Boolean)
                  .join('；')}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
