import { linesOf, type PlanRoleFields } from '@/server/contracts/admin';
import { DEFAULT_ACK_TIMEOUT, ESCALATION_STEPS, type EscalationStep } from '@/server/contracts/escalation';
import type { PlanRoleView } from '@/server/contracts/views';

/** A role as the editor holds it: text boxes hold strings until the plan is saved. */
export type RoleDraft = {
  key: string;
  id?: string;
  departmentId: string;
  name: string;
  instructions: string;
  materials: string;
  targetLabel: string;
  targetLat: string;
  targetLng: string;
  requiredCount: string;
  memberIds: string[];
  ackTimeoutSeconds: string;
  escalationSteps: EscalationStep[];
  requiresPhoto: boolean;
};

export type StaffOption = { id: string; username: string; displayName: string; departmentId: string; isOnDuty: boolean };

let nextKey = 0;
// Not crypto.randomUUID: it is missing on plain-http LAN addresses, where this app is often served.
const newKey = () => `new-${++nextKey}`;

export function draftOf(role: PlanRoleView): RoleDraft {
  return {
    key: role.id,
    id: role.id,
    departmentId: role.departmentId,
    name: role.name,
    instructions: role.instructions,
    materials: role.materials.join('\n'),
    targetLabel: role.target.label,
    targetLat: role.target.lat === null ? '' : String(role.target.lat),
    targetLng: role.target.lng === null ? '' : String(role.target.lng),
    requiredCount: String(role.requiredCount),
    memberIds: role.memberIds,
    ackTimeoutSeconds: String(role.ackTimeoutSeconds),
    escalationSteps: role.escalationSteps,
    requiresPhoto: role.requiresPhoto,
  };
}

export function emptyDraft(departmentId: string): RoleDraft {
  return {
    key: newKey(),
    departmentId,
    name: '',
    instructions: '',
    materials: '',
    targetLabel: '',
    targetLat: '',
    targetLng: '',
    requiredCount: '1',
    memberIds: [],
    ackTimeoutSeconds: String(DEFAULT_ACK_TIMEOUT),
    escalationSteps: [...ESCALATION_STEPS],
    requiresPhoto: false,
  };
}

const coordinate = (value: string) => (value.trim() === '' ? null : Number(value));

/** The request body for one role; bad numbers stay NaN so the shared schema names the field. */
export function bodyOf(draft: RoleDraft): PlanRoleFields {
  return {
    ...(draft.id ? { id: draft.id } : {}),
    departmentId: draft.departmentId,
    name: draft.name,
    instructions: draft.instructions,
    materials: linesOf(draft.materials),
    targetLabel: draft.targetLabel,
    targetLat: coordinate(draft.targetLat),
    targetLng: coordinate(draft.targetLng),
    requiredCount: draft.requiredCount.trim() === '' ? Number.NaN : Number(draft.requiredCount),
    memberIds: draft.memberIds,
    ackTimeoutSeconds: draft.ackTimeoutSeconds.trim() === '' ? Number.NaN : Number(draft.ackTimeoutSeconds),
    escalationSteps: draft.escalationSteps,
    requiresPhoto: draft.requiresPhoto,
  };
}

/** Moves the item at `index` by `offset` places, if it can. */
export function moved<T>(items: T[], index: number, offset: number): T[] {
  const target = index + offset;
  if (target < 0 || target >= items.length) return items;
  const copy = [...items];
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item!);
  return copy;
}
