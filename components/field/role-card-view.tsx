'use client';

import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { MapLoad } from '@/components/maps/zone-map-fetch';
import type { MapConfig } from '@/server/contracts/views';
import { STATUS_PHASE } from '@/server/contracts/assignment-lifecycle';
import type { IncidentUpdateView, RoleCard } from '@/server/contracts/dispatch';
import type { QueuedAction } from './action-outbox';
import { CardActions } from './card-actions';
import { CardLocation } from './card-location';
import { CardOneMap } from './card-one-map';
import { CardMaterials } from '@/components/materials/card-materials';
import { CardProgress } from './card-progress';
import { CardUpdates } from './card-updates';
import { UpdateBanner } from './update-banner';
import { FieldReportForm } from '@/components/field-reports/field-report-form';
import { Checklist } from './checklist';
import { Elapsed } from './elapsed';
import { splitSteps, type CardAction } from './field-cards';
import { IncidentTypeLabel } from '@/components/ui/incident-type-label';
import type { ActionState } from './use-card-actions';
import type { PositionState } from './use-position';
import styles from './field.module.css';

type Props = {
  card: RoleCard;
  /** Taps on this card waiting for the network; the card already shows their steps. */
  queued: QueuedAction[];
  now: number | null;
  isLifted: boolean;
  state: ActionState | undefined;
  mapConfig: MapConfig;
  position: PositionState;
  /** The linked enterprises' one-maps, by enterprise id (loading, ready or failed). */
  oneMaps: Readonly<Record<string, MapLoad | undefined>>;
  /** 情况通报 this person has not dismissed yet: shown as a banner on top of the card. */
  newUpdates: IncidentUpdateView[];
  onDismissUpdates: () => void;
  onAction: (action: CardAction) => void;
  onRetryMap?: (enterpriseId: string) => void;
};

export function RoleCardView({
  card,
  queued,
  now,
  isLifted,
  state,
  mapConfig,
  position,
  oneMaps,
  newUpdates,
  onDismissUpdates,
  onAction,
  onRetryMap,
}: Props) {
  const t = useTranslations('field');
  const tOffline = useTranslations('offline');
  const tCommon = useTranslations('common');
  const format = useFormatter();
  const locale = useLocale();
  const { incident } = card;
  const department = locale === 'en' ? card.department.nameEn : card.department.name;

  return (
    <article
      className={[styles.card, isLifted ? styles.cardLifted : ''].filter(Boolean).join(' ')}
      data-testid="role-card"
      data-assignment-id={card.assignmentId}
      data-status={card.status}
      data-queued={String(queued.length > 0)}
      data-lifted={String(isLifted)}
      aria-labelledby={`role-${card.assignmentId}`}
    >
      {incident.isDrill && (
        <div className={styles.drillBanner} data-testid="drill-badge">
          {tCommon('drill')}
        </div>
      )}
      {!isLifted && <UpdateBanner updates={newUpdates} onDismiss={onDismissUpdates} />}
      <header className={styles.cardHeader}>
        <div>
          <h2 id={`role-${card.assignmentId}`} className={styles.roleName}>
            {card.roleName}
          </h2>
          <p className={styles.department}>{department}</p>
          {card.standsInFor && (
            <p className={styles.standsInFor} data-testid="stands-in-for">
              {t('card.standsInFor', { name: card.standsInFor })}
            </p>
          )}
        </div>
        <div className={styles.badges}>
          <span className={styles.statusBadge} data-status={card.status} data-phase={STATUS_PHASE[card.status]}>
            {tCommon(`assignmentStatus.${card.status}`)}
          </span>
          {queued.length > 0 && (
            <span className={styles.queuedBadge} data-testid="queued-badge">
              {tOffline('card.queued')}
            </span>
          )}
        </div>
      </header>

      {isLifted && (
        <p className={styles.liftedStrip} role="status">
          {t('card.lifted')}
        </p>
      )}

      <section className={styles.section}>
        <p className={styles.incidentType}>
          <IncidentTypeLabel type={incident.incidentType} />
        </p>
        <p className={styles.description}>{incident.description}</p>
        <dl className={styles.facts}>
          <div>
            <dt>{t('card.triggeredAt')}</dt>
            <dd>
              {format.dateTime(new Date(incident.createdAt), { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' })}
            </dd>
          </div>
          <div>
            <dt>{t('card.elapsedLabel')}</dt>
            <dd className={styles.elapsed}>{now === null ? '—' : <Elapsed since={incident.createdAt} now={now} />}</dd>
          </div>
          <div className={styles.factWide}>
            <dt>{t('card.plan')}</dt>
            <dd>{incident.planName}</dd>
          </div>
          {incident.enterprises.length > 0 && (
            <div className={styles.factWide}>
              <dt>{t('card.enterprise')}</dt>
              {incident.enterprises.map((enterprise) => (
                <dd key={enterprise.id} data-testid="card-enterprise">
                  {enterprise.name}
                  <br />
                  <span className={styles.address}>{enterprise.address}</span>
                </dd>
              ))}
            </div>
          )}
        </dl>
      </section>

      <CardUpdates assignmentId={card.assignmentId} updates={card.updates} />

      <CardLocation card={card} mapConfig={mapConfig} position={position} />
      <CardMaterials incidentId={card.incident.id} isLifted={isLifted} />

      <section className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('card.instructions')}</h3>
        <Checklist listId={`steps-${card.assignmentId}`} items={splitSteps(card.instructions)} />
      </section>

      {card.materials.length > 0 && (
        <section className={styles.section}>
          <h3 className={styles.sectionTitle}>{t('card.materials')}</h3>
          <Checklist listId={`materials-${card.assignmentId}`} items={card.materials} />
        </section>
      )}

      {incident.enterprises.map((enterprise) => (
        <CardOneMap
          key={enterprise.id}
          assignmentId={card.assignmentId}
          instructions={card.instructions}
          enterprise={enterprise}
          load={oneMaps[enterprise.id]}
          onRetry={() => onRetryMap?.(enterprise.id)}
        />
      ))}

      <FieldReportForm card={card} position={position} isLifted={isLifted} />
      <CardProgress card={card} queued={queued} />

      {!isLifted && <CardActions status={card.status} state={state} queued={queued} onAction={onAction} />}
    </article>
  );
}
