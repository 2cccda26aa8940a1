'use client';

import { useTranslations } from 'next-intl';
import type { PlanView } from '@/server/contracts/views';
import { planReach } from './role-reach';
import type { Presence } from './use-presence';
import reach from './presence.module.css';

/**
 * One line next to the button: how many of the people this press would page have a phone online,
 * and which roles nobody reachable would get. The per-person detail is in the role list below.
 */
export function ReachSummary({ plan, presence }: { plan: PlanView; presence: Presence }) {
  const t = useTranslations('delivery');
  const rows = planReach(plan.roles, presence.people, presence.stateOf);
  const required = plan.roles.reduce((sum, role) => sum + role.requiredCount, 0);
  const reachable = rows.reduce((sum, row) => sum + row.reachable, 0);
  const unreached = rows.filter((row) => row.reachable === 0).map((row) => row.role.name);
  const isShort = reachable < required;

  return (
    <div
      className={isShort ? reach.reachTotalShort : reach.reachTotal}
      data-testid="reach-total"
      data-reachable={reachable}
      data-required={required}
      data-stale={String(!presence.isLive)}
      role="status"
    >
      <p className={reach.reachLine}>{t(isShort ? 'reach.totalShort' : 'reach.total', { reachable, required })}</p>
      {unreached.length > 0 && (
        <p className={reach.reachRoles}>{t('reach.unreachedRoles', { roles: unreached.join(t('reach.separator')) })}</p>
      )}
      {!presence.isLive && <p className={reach.reachRoles}>{t('presence.stale')}</p>}
    </div>
  );
}
