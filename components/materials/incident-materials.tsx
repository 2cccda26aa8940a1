'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { callApi } from '@/components/ui/api-client';
import { NEXT_RESERVATION_STATUS } from '@/server/contracts/material-steps';
import type { ReservationView } from '@/server/contracts/materials';
import { useIncidentMaterials } from './use-incident-materials';
import styles from './materials.module.css';

/**
 * 应急物资 on the board: each reservation (what, how much, from which depot) as reserved → collected →
 * deployed, the shortfalls the trigger warned of, and after the lift the consumption form.
 */
export function IncidentMaterials({ incidentId, isLifted }: { incidentId: string; isLifted: boolean }) {
  const t = useTranslations('materials');
  const { materials, error, actionError, read, advance } = useIncidentMaterials(incidentId);
  if (!materials) return error ? <p className={styles.error}>{error}</p> : null;
  if (materials.reservations.length === 0 && materials.shortfalls.length === 0) return null;

  return (
    <section className={styles.box} aria-labelledby="materials-title" data-testid="incident-materials">
      <h2 id="materials-title" className={styles.title}>
        {t('board.title')}
      </h2>
      {materials.shortfalls.map((gap) => (
        <p key={`${gap.planRoleId}:${gap.itemId}`} className={styles.shortfall} data-testid="material-shortfall">
          {t('board.shortfall', {
            role: gap.roleName,
            item: gap.itemName,
            required: gap.required,
            reserved: gap.reserved,
            unit: t(`unit.${gap.unit}`),
          })}
        </p>
      ))}
      <ul className={styles.list}>
        {materials.reservations.map((reservation) => {
          const next = NEXT_RESERVATION_STATUS[reservation.status];
          return (
            <li key={reservation.id} className={styles.row} data-testid="material-reservation" data-status={reservation.status}>
              <span>
                <span className={styles.what}>
                  {reservation.itemName} {reservation.quantity} {t(`unit.${reservation.unit}`)}
                </span>{' '}
                <span className={styles.where}>
                  {t('board.forRole', { role: reservation.roleName })} · {reservation.depot.name}
                </span>
              </span>
              <span className={styles.status} data-status={reservation.status}>
                {t(`status.${reservation.status}`)}
                {reservation.consumed != null && ` · ${t('board.consumed', { quantity: reservation.consumed })}`}
              </span>
              {next && !isLifted && (
                <button type="button" className={styles.button} onClick={() => void advance(reservation.id)}>
                  {t(`advance.${next}`)}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {actionError && (
        <p className={styles.error} role="alert">
          {actionError}
        </p>
      )}
      {isLifted && <SettleMaterials incidentId={incidentId} reservations={materials.reservations} onDone={read} />}
    </section>
  );
}

/** After 警报解除: what each reservation consumed; the rest returns to its depot. */
function SettleMaterials({
  incidentId,
  reservations,
  onDone,
}: {
  incidentId: string;
  reservations: ReservationView[];
  onDone: () => Promise<void>;
}) {
  const t = useTranslations('materials');
  const open = reservations.filter((reservation) => reservation.status !== 'settled');
  const [consumed, setConsumed] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  if (open.length === 0) return null;
  const submit = async () => {
    const body = {
      consumed: open.map((reservation) => ({ reservationId: reservation.id, quantity: Number(consumed[reservation.id] ?? 0) })),
    };
    const result = await callApi(`/api/incidents/${incidentId}/materials/settlement`, { method: 'POST', body });
    setError(result.ok ? null : result.error.message);
    if (result.ok) await onDone();
  };
  return (
    <form
      data-testid="settle-materials"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 className={styles.title}>{t('settle.title')}</h3>
      <p className={styles.where}>{t('settle.hint')}</p>
      <ul className={styles.list}>
        {open.map((reservation) => (
          <li key={reservation.id} className={styles.row}>
            <label htmlFor={`consumed-${reservation.id}`}>
              {reservation.itemName} · {reservation.depot.name} (
              {t('settle.reserved', { quantity: reservation.quantity, unit: t(`unit.${reservation.unit}`) })})
            </label>
            <input
              id={`consumed-${reservation.id}`}
              className={styles.input}
              type="number"
              min={0}
              max={reservation.quantity}
              step={1}
              inputMode="numeric"
              value={consumed[reservation.id] ?? '0'}
              onChange={(event) => setConsumed((current) => ({ ...current, [reservation.id]: event.target.value }))}
            />
          </li>
        ))}
      </ul>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      <button type="submit" className={styles.button}>
        {t('settle.submit')}
      </button>
    </form>
  );
}
