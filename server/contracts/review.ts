// PURE: the after-action review's shapes (复盘), shared by the server, the page, the PDF and the tests.
import type { AssignmentStatus, ReachedBy } from './assignment-lifecycle';
import type { DrillTargets } from './drill-targets';
import type { EscalationSkipReason, EscalationStep } from './escalation';
import type { FieldReportView } from './field-reports';
import type { IncidentUpdateView } from './dispatch';
import type { ReservationView } from './materials';
import type { Severity } from './severity';

/** The steps a review measures, in order; each is timed from the card's `sent`. */
export const REVIEW_STEPS = ['delivered', 'acknowledged', 'en_route', 'on_scene', 'done'] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];

/** How the person's 收到 came: their app, their SMS reply, the officer's record, or not at all. */
export const REACHED_VIA = ['app', 'sms', 'officer', 'none'] as const;
export type ReachedVia = (typeof REACHED_VIA)[number];

export type ReviewEscalation = {
  step: EscalationStep;
  level: number;
  at: string;
  /** Seconds after the card was sent. */
  afterSeconds: number;
  notifiedName: string | null;
  channels: string[];
  skipped: EscalationSkipReason | null;
};

export type PersonReview = {
  assignmentId: string;
  userName: string;
  role: string;
  departmentId: string;
  department: string;
  status: AssignmentStatus;
  isBackup: boolean;
  sentAt: string;
  /** When each step was reached (ISO), null when it was not. */
  times: Record<ReviewStep | 'stood_down', string | null>;
  /** Seconds from sent to each step. */
  sinceSent: Record<ReviewStep, number | null>;
  /** Seconds from the previous reached step (sent for the first), the 'how long did this step take'. */
  stepSeconds: Record<ReviewStep, number | null>;
  reachedVia: ReachedVia;
  /** When the officer recorded the 收到: how they reached the person. */
  officerReachedBy: ReachedBy | null;
  /** The outside channels that carried the card or a re-alert to the person (sms, voice, web_push…), sent only. */
  channels: string[];
  escalations: ReviewEscalation[];
  /** 收到 came after at least one escalation step had fired. */
  isAfterEscalation: boolean;
  isStoodDown: boolean;
  stoodDownReason: string | null;
};

export type TimeStats = { count: number; medianSeconds: number | null; worstSeconds: number | null };

export type GroupReview = {
  key: string;
  name: string;
  people: number;
  /** From sent to 收到. */
  acknowledged: TimeStats;
  /** From the press to on scene. */
  onScene: TimeStats;
  isAcknowledgedOnTarget: boolean | null;
  isOnSceneOnTarget: boolean | null;
};

export const SCORE_TARGETS = ['everyoneAcknowledged', 'firstOnScene', 'allRolesOnScene', 'initialReportSigned'] as const;
export type ScoreTarget = (typeof SCORE_TARGETS)[number];
export type ScoreOutcome = 'met' | 'missed' | 'pending';

export type ScoreLine = { target: ScoreTarget; targetSeconds: number; actualSeconds: number | null; outcome: ScoreOutcome };
export type ScoreCard = { lines: ScoreLine[]; met: number; missed: number; pending: number };

/** One bar of the swimlane: a person in one state, in minutes since the press. */
export type SwimlaneSegment = { state: AssignmentStatus; fromMinutes: number; toMinutes: number };
export type SwimlaneLane = { assignmentId: string; label: string; segments: SwimlaneSegment[] };

export type IncidentReview = {
  incident: {
    id: string;
    planId: string;
    planName: string;
    incidentType: string;
    description: string;
    isDrill: boolean;
    status: 'active' | 'lifted';
    severity: Severity | null;
    createdAt: string;
    discoveredAt: string;
    liftedAt: string | null;
    liftReason: string | null;
  };
  targets: DrillTargets;
  people: PersonReview[];
  byRole: GroupReview[];
  byDepartment: GroupReview[];
  /** Only for a drill. */
  scoreCard: ScoreCard | null;
  swimlane: SwimlaneLane[];
  initialReportSignedAt: string | null;
  materials: ReservationView[];
  fieldReports: FieldReportView[];
  updates: IncidentUpdateView[];
  generatedAt: string;
};

/** One plan's drills, oldest first, each with its score card: the trend. */
export type DrillHistoryEntry = { incidentId: string; createdAt: string; status: 'active' | 'lifted'; scoreCard: ScoreCard };
export type PlanDrillHistory = { planId: string; planName: string; targets: DrillTargets; drills: DrillHistoryEntry[] };

/** A duration as the review prints it: m:ss, or h:mm:ss from an hour on; null as a dash. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const whole = Math.round(Math.abs(seconds));
  const sign = seconds < 0 ? '-' : '';
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${sign}${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${sign}${minutes}:${secs}`;
}

/** The colour of each state, on the page's chart and in the PDF (the board's phases, one shade per state). */
export const STATE_COLOURS: Record<AssignmentStatus, string> = {
  sent: '#9ca3af',
  delivered: '#f59e0b',
  acknowledged: '#3b82f6',
  en_route: '#6366f1',
  on_scene: '#16a34a',
  done: '#065f46',
  stood_down: '#d1d5db',
};
