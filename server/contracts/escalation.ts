// PURE module: the escalation policy's names and bounds, and how the board reads escalation
// state back from the incident timeline. Shared by the server, the admin editor and the board.
import type { AssignmentView, TimelineEntry } from './dispatch';

/** The steps, in the order they run; a plan role picks a subset (db/schema-core.ts uses this list). */
export const ESCALATION_STEPS = ['realert', 'backup', 'supervisor', 'duty_officer'] as const;
export type EscalationStep = (typeof ESCALATION_STEPS)[number];

export const DEFAULT_ACK_TIMEOUT = 60;
/** Shorter than 15 s pages people before they can reach the phone; longer than an hour is no escalation. */
export const MIN_ACK_TIMEOUT = 15;
export const MAX_ACK_TIMEOUT = 3600;

/** Why a step reached nobody. Each is written on the timeline, so the duty officer knows to phone. */
export const ESCALATION_SKIP_REASONS = [
  'offDuty',
  'inactive',
  'noBackupOnDuty',
  'noSupervisor',
  'supervisorOffDuty',
  'supervisorInactive',
  'unknownStep',
] as const;
export type EscalationSkipReason = (typeof ESCALATION_SKIP_REASONS)[number];

/** How a step's message went out: the open page (socket), or a configured outside channel (webhook: the group robot). */
export const ESCALATION_CHANNELS = ['socket', 'sms', 'voice', 'web_push', 'webhook'] as const;
export type EscalationChannel = (typeof ESCALATION_CHANNELS)[number];

/** `data` of an `escalation.<step>` audit row (entity: the unacknowledged assignment). */
export type EscalationAuditData = {
  assignmentId: string;
  step: EscalationStep;
  /** 1-based position of this step in the role's policy, and how many steps the policy has. */
  level: number;
  of: number;
  role: string;
  assigneeId: string;
  assigneeName: string;
  notifiedUserId: string | null;
  notifiedName: string | null;
  /** What actually carried the message to the notified person ([] = nothing could); absent on rows older than this field. */
  channels?: EscalationChannel[];
  backupAssignmentId?: string;
  skipped?: EscalationSkipReason;
};

export const isEscalationStep = (value: unknown): value is EscalationStep =>
  typeof value === 'string' && (ESCALATION_STEPS as readonly string[]).includes(value);

/** Keeps known steps once each, in policy order, whatever order they were given in. */
export const normalizeSteps = (steps: readonly string[]): EscalationStep[] => ESCALATION_STEPS.filter((step) => steps.includes(step));

export type EscalationState = {
  assignmentId: string;
  level: number;
  of: number;
  lastStep: EscalationStep;
  lastAt: string;
  lastSkipped: EscalationSkipReason | null;
  notifiedName: string | null;
  /** The channels that reached the notified person at the last step; null when not recorded. */
  channels: EscalationChannel[] | null;
  /** The backup's assignment, once one was paged. */
  backupAssignmentId: string | null;
  /** The backup acknowledged: the role is covered. */
  isCovered: boolean;
  /** Acknowledged, covered or closed: nothing more will happen. */
  isStopped: boolean;
};

const isAcknowledged = (assignment: AssignmentView | undefined) => assignment !== undefined && assignment.acknowledgedAt !== null;

/** Per escalated assignment, how far escalation went and whether it has stopped, from the timeline. */
export function escalationStates(timeline: TimelineEntry[], assignments: AssignmentView[]): Map<string, EscalationState> {
  const byId = new Map(assignments.map((assignment) => [assignment.id, assignment]));
  const states = new Map<string, EscalationState>();
  for (const entry of timeline) {
    if (!entry.action.startsWith('escalation.')) continue;
    const data = entry.data as Partial<EscalationAuditData>;
    if (!data.assignmentId || !isEscalationStep(data.step)) continue;
    const previous = states.get(data.assignmentId);
    states.set(data.assignmentId, {
      assignmentId: data.assignmentId,
      level: data.level ?? (previous?.level ?? 0) + 1,
      of: data.of ?? data.level ?? 0,
      lastStep: data.step,
      lastAt: entry.at,
      lastSkipped: data.skipped ?? null,
      notifiedName: data.notifiedName ?? null,
      channels: Array.isArray(data.channels) ? data.channels : null,
      backupAssignmentId: data.backupAssignmentId ?? previous?.backupAssignmentId ?? null,
      isCovered: false,
      isStopped: false,
    });
  }
  for (const state of states.values()) {
    const assignment = byId.get(state.assignmentId);
    state.isCovered = state.backupAssignmentId !== null && isAcknowledged(byId.get(state.backupAssignmentId));
    state.isStopped = isAcknowledged(assignment) || state.isCovered || (assignment?.closedAt ?? null) !== null;
  }
  return states;
}

/** For a backup's own board row: backup assignment id → the assignment it stands in for. */
export const backupsOf = (states: Map<string, EscalationState>): Map<string, string> =>
  new Map([...states.values()].flatMap((state) => (state.backupAssignmentId ? [[state.backupAssignmentId, state.assignmentId]] : [])));
