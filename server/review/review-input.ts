import type { AssignmentStatus, ReachedBy } from '../contracts/assignment-lifecycle';
import type { DrillTargets } from '../contracts/drill-targets';
import type { EscalationSkipReason, EscalationStep } from '../contracts/escalation';

/** One card as the review reads it: its times, and how its 收到 was recorded. */
export type ReviewAssignment = {
  id: string;
  userId: string;
  userName: string;
  role: string;
  planRoleId: string;
  departmentId: string;
  department: string;
  status: AssignmentStatus;
  sentAt: Date;
  deliveredAt: Date | null;
  acknowledgedAt: Date | null;
  enRouteAt: Date | null;
  onSceneAt: Date | null;
  doneAt: Date | null;
  stoodDownAt: Date | null;
  stoodDownReason: string | null;
  acknowledgedVia: ReachedBy | null;
  acknowledgedById: string | null;
  backupForId: string | null;
};

export type ReviewEscalationEvent = {
  assignmentId: string;
  step: EscalationStep;
  level: number;
  at: Date;
  notifiedName: string | null;
  channels: string[];
  skipped: EscalationSkipReason | null;
};

export type ReviewNotification = { assignmentId: string; channel: string; status: string };

/** Everything the pure review needs, read once by the loader (fixed in tests). */
export type ReviewFacts = {
  isDrill: boolean;
  isActive: boolean;
  /** The press: when the incident was triggered. */
  pressedAt: Date;
  /** The 初报 clock's start (discovery; the press when unknown). */
  discoveredAt: Date;
  /** The end of the picture: the lift, or now while active. */
  endAt: Date;
  now: Date;
  targets: DrillTargets;
  assignments: ReviewAssignment[];
  escalations: ReviewEscalationEvent[];
  notifications: ReviewNotification[];
  initialReportSignedAt: Date | null;
};
