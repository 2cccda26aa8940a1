import { randomUUID } from 'node:crypto';
import type { EscalationStep } from '../contracts/escalation';
import { FIRST_REPUSH_AFTER_MS } from './delivery/backoff';

/** What a card is made of: a plan role as the plan stores it, or a role written for one reinforcement. */
export type CardRole = {
  id: string;
  departmentId: string;
  name: string;
  instructions: string;
  materials: string;
  targetLabel: string;
  targetLat: number | null;
  targetLng: number | null;
  ackTimeoutSeconds: number;
  escalationSteps: EscalationStep[];
};

/**
 * The assignment rows for people given cards: one shape for 一键启动 and for reinforcements
 * added later, so both get the same push bookkeeping (redelivery) and escalation timers.
 */
export function buildAssignmentRows({
  incidentId,
  location,
  now,
  picks,
}: {
  incidentId: string;
  location: { lat: number; lng: number };
  now: Date;
  picks: { userId: string; role: CardRole; departmentId?: string }[];
}) {
  return picks.map(({ userId, role, departmentId }) => ({
    id: randomUUID(),
    incidentId,
    userId,
    planRoleId: role.id,
    departmentId: departmentId ?? role.departmentId,
    roleName: role.name,
    instructions: role.instructions,
    materials: role.materials,
    targetLabel: role.targetLabel,
    // A role without its own point goes to the incident location.
    targetLat: role.targetLat ?? location.lat,
    targetLng: role.targetLng ?? location.lng,
    sentAt: now,
    // The first push follows the commit (attempt 1); nextPushAt is the retry if that push is
    // never confirmed (the process died, the phone was away). See server/delivery.
    pushAttempts: 1,
    nextPushAt: new Date(now.getTime() + FIRST_REPUSH_AFTER_MS),
    ackTimeoutSeconds: role.ackTimeoutSeconds,
    escalationSteps: role.escalationSteps,
    nextEscalationAt: role.escalationSteps.length ? new Date(now.getTime() + role.ackTimeoutSeconds * 1000) : null,
  }));
}
