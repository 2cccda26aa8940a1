'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { callApi } from '@/components/ui/api-client';
import { Button } from '@/components/ui/button';
import { Alert, FormField } from '@/components/ui/form-field';
import type { AssignmentView, IncidentSummary } from '@/server/contracts/dispatch';
import type { PlanView } from '@/server/contracts/views';
import { PresenceDot } from './presence-dot';
import type { Presence } from './use-presence';
import boardStyles from './board.module.css';
import styles from './reinforce.module.css';

const CUSTOM = '__custom__';

/**
 * 增派 on the board: search the jurisdiction's responders by name or department (with their duty
 * status and phone presence), pick a role of the incident's plan or write one, and add the chosen
 * people, or every on-duty member of the role. Cards go out as at the trigger; the board refreshes
 * from the pushes that follow.
 */
export function ReinforcePanel({
  incident,
  assignments,
  presence,
}: {
  incident: IncidentSummary;
  assignments: AssignmentView[];
  presence: Presence;
}) {
  const t = useTranslations('reinforce');
  const tc = useTranslations('common');
  const dialog = useRef<HTMLDialogElement>(null);
  const [roles, setRoles] = useState<PlanView['roles']>([]);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [roleId, setRoleId] = useState<string>(CUSTOM);
  const [roleName, setRoleName] = useState('');
  const [instructions, setInstructions] = useState('');
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<number | null>(null);

  const onIncident = useMemo(() => new Set(assignments.filter((a) => a.closedAt === null).map((a) => a.userId)), [assignments]);
  const hasCard = useMemo(() => new Set(assignments.map((a) => a.userId)), [assignments]);
  const people = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return presence.people
      .filter((person) => person.departmentId !== null)
      .filter(
        (person) =>
          !needle ||
          person.displayName.toLowerCase().includes(needle) ||
          person.username.toLowerCase().includes(needle) ||
          (person.department ?? '').toLowerCase().includes(needle),
      );
  }, [presence.people, query]);

  useEffect(() => {
    let isCurrent = true;
    void callApi<PlanView[]>('/api/plans').then((result) => {
      if (!isCurrent || !result.ok) return;
      const plan = result.data.find((one) => one.id === incident.planId);
      if (!plan) return;
      setRoles(plan.roles);
      if (plan.roles[0]) setRoleId(plan.roles[0].id);
    });
    return () => {
      isCurrent = false;
    };
  }, [incident.planId]);

  if (incident.status !== 'active') return null;

  const toggle = (userId: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(userId)) next.delete(userId);
      else next.add(userId);
      return next;
    });

  const send = async (wholeRole: boolean) => {
    setIsSaving(true);
    setError(null);
    const role = roleId === CUSTOM ? { roleName, instructions } : { planRoleId: roleId };
    const result = await callApi<{ assignments: AssignmentView[] }>(`/api/incidents/${incident.id}/reinforcements`, {
      body: wholeRole ? role : { ...role, userIds: [...chosen] },
    });
    setIsSaving(false);
    if (result.ok) {
      setAdded(result.data.assignments.length);
      setChosen(new Set());
      dialog.current?.close();
      return;
    }
    setError(result.status === 0 ? t('network') : result.error.message);
  };

  return (
    <section className={styles.panel} aria-label={t('title')}>
      <Button variant="primary" data-testid="reinforce-open" onClick={() => dialog.current?.showModal()}>
        {t('open')}
      </Button>
      {added !== null && (
        <span className={styles.status} role="status">
          {t('added', { count: added })}
        </span>
      )}
      <dialog
        ref={dialog}
        className={`${boardStyles.dialog} ${styles.dialog}`}
        aria-labelledby="reinforce-title"
        data-testid="reinforce-dialog"
        onClose={() => setError(null)}
      >
        <h2 id="reinforce-title" className={boardStyles.dialogTitle}>
          {t('title')}
        </h2>
        <FormField id="reinforce-search" label={t('search')} hint={t('searchHint')}>
          <input id="reinforce-search" type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
        </FormField>
        <ul className={styles.people} data-testid="reinforce-people">
          {people.length === 0 && <li className={styles.person}>{t('noMatch')}</li>}
          {people.map((person) => {
            const isTaken = hasCard.has(person.userId);
            return (
              <li key={person.userId} className={styles.person} data-testid="reinforce-person" data-username={person.username}>
                <label>
                  <input type="checkbox" checked={chosen.has(person.userId)} disabled={isTaken} onChange={() => toggle(person.userId)} />
                  <strong>{person.displayName}</strong>
                  <span className={styles.muted}>{person.department}</span>
                  <span className={person.isOnDuty ? styles.duty : styles.offDuty}>{person.isOnDuty ? t('onDuty') : t('offDuty')}</span>
                  <PresenceDot name={person.displayName} state={presence.stateOf(person.userId)} isLive={presence.isLive} isCompact />
                  {isTaken && (
                    <span className={styles.muted}>
                      {onIncident.has(person.userId) ? t('onIncident') : tc('assignmentStatus.stood_down')}
                    </span>
                  )}
                </label>
              </li>
            );
          })}
        </ul>
        <div className={styles.roleFields}>
          <FormField id="reinforce-role" label={t('role')}>
            <select id="reinforce-role" value={roleId} onChange={(event) => setRoleId(event.target.value)}>
              {roles.map((role) => (
                <option key={role.id} value={role.id}>
                  {role.name}（{role.department}）
                </option>
              ))}
              <option value={CUSTOM}>{t('customRole')}</option>
            </select>
          </FormField>
          {roleId === CUSTOM && (
            <>
              <FormField id="reinforce-role-name" label={t('roleName')}>
                <input id="reinforce-role-name" value={roleName} maxLength={60} onChange={(event) => setRoleName(event.target.value)} />
              </FormField>
              <FormField id="reinforce-instructions" label={t('instructions')}>
                <textarea
                  id="reinforce-instructions"
                  rows={3}
                  maxLength={2000}
                  value={instructions}
                  onChange={(event) => setInstructions(event.target.value)}
                />
              </FormField>
            </>
          )}
        </div>
        {error && <Alert>{error}</Alert>}
        <div className={boardStyles.dialogActions}>
          <Button onClick={() => dialog.current?.close()} disabled={isSaving}>
            {tc('cancel')}
          </Button>
          {roleId !== CUSTOM && (
            <Button data-testid="reinforce-whole-role" onClick={() => void send(true)} disabled={isSaving}>
              {t('addWholeRole')}
            </Button>
          )}
          <Button
            variant="primary"
            data-testid="reinforce-confirm"
            onClick={() => void send(false)}
            disabled={isSaving || chosen.size === 0}
          >
            {isSaving ? t('saving') : t('addSelected', { count: chosen.size })}
          </Button>
        </div>
      </dialog>
    </section>
  );
}
