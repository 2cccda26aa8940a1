// PURE module: zod schemas and types shared by server and client. No server imports here.
import { z } from 'zod';

// The lifecycle lives in a zod-free module so the field phone can use it without pulling zod in.
import { PROGRESS_STEPS, REACHED_BY, type AssignmentStatus, type PersonStep, type ReachedBy, type TimesOf } from './assignment-lifecycle';
import { SEVERITIES, type Severity } from './severity';
import type { InitialReportClock } from './report-deadline';

const latitude = z.number().finite().min(-90).max(90);
const longitude = z.number().finite().min(-180).max(180);

export const triggerIncidentInput = z.object({
  planId: z.string().uuid(),
  location: z.object({ lat: latitude, lng: longitude }),
  description: z.string().trim().min(2).max(500),
  enterpriseId: z.string().uuid().nullish(),
  drill: z.boolean().optional().default(false),
  /** 事件分级, if the officer already knows it; it can be set or changed later on the board. */
  severity: z.enum(SEVERITIES, { error: 'unknownSeverity' }).nullish(),
});
export type TriggerIncidentInput = z.input<typeof triggerIncidentInput>;

export const assignmentRef = z.object({ assignmentId: z.string().uuid() });
/** A field action; `occurredAt` is set when the phone queued it offline and sends it later. */
export const assignmentActionInput = assignmentRef.extend({ occurredAt: z.iso.datetime({ offset: true }).optional() });
export const assignmentStatusInput = assignmentActionInput.extend({ status: z.enum(PROGRESS_STEPS) });
/** 收到 on someone's behalf: by what means, when (not before the card was sent, not in the future), and a note. */
export const acknowledgeOnBehalfInput = assignmentRef.extend({
  reachedBy: z.enum(REACHED_BY),
  reachedAt: z.iso.datetime({ offset: true }).optional(),
  note: z.string().trim().max(200).optional(),
});
/** On (re)connect the phone says which cards it holds; the server answers with what is missing. */
export const assignmentsSyncInput = z.object({ held: z.array(z.string().uuid()).max(200).default([]) }).default({ held: [] });

export const idempotencyKey = z.string().trim().min(8).max(128);

/**
 * 情况通报: what the duty officer learned, and what it changes: a new location, the incident type,
 * enterprises linked or unlinked. The text is required, so every change is explained on the phones.
 */
export const postIncidentUpdateInput = z
  .object({
    text: z.string().trim().min(2).max(500),
    location: z.object({ lat: latitude, lng: longitude }).optional(),
    incidentType: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,39}$/)
      .optional(),
    link: z.array(z.string().uuid()).max(10).default([]),
    unlink: z.array(z.string().uuid()).max(10).default([]),
  })
  .refine((input) => !input.link.some((id) => input.unlink.includes(id)), { message: 'linkAndUnlink', path: ['link'] });
export type PostIncidentUpdateInput = z.input<typeof postIncidentUpdateInput>;
/** The phone's receipt for 情况通报: it holds every update of the incident up to `seq`. */
export const updatesReceivedInput = z.object({ incidentId: z.string().uuid(), seq: z.number().int().min(1).max(1_000_000) });

/** An enterprise the incident concerns; its published one-map goes on the cards and the board. */
export type LinkedEnterprise = { id: string; name: string; address: string };

/** One 情况通报 as the board, the timeline and the phones show it. */
export type IncidentUpdateView = {
  id: string;
  incidentId: string;
  seq: number;
  text: string;
  at: string;
  authorName: string;
  /** Only what this update changed. */
  location: { lat: number; lng: number } | null;
  incidentType: string | null;
  linked: LinkedEnterprise[];
  unlinked: LinkedEnterprise[];
};

/** What a field user's phone shows: a self-contained snapshot, so it renders without more requests. */
export type RoleCard = {
  messageId: string;
  assignmentId: string;
  incidentId: string;
  assigneeId: string;
  status: AssignmentStatus;
  roleName: string;
  department: { id: string; name: string; nameEn: string };
  instructions: string;
  materials: string[];
  target: { label: string; lat: number; lng: number };
  /** On a backup's card: whom it stands in for (they did not acknowledge); null on every other card. */
  standsInFor: string | null;
  sentAt: string;
  incident: {
    id: string;
    incidentType: string;
    planName: string;
    description: string;
    isDrill: boolean;
    lat: number;
    lng: number;
    createdAt: string;
    /** The enterprises linked so far, first linked first; empty when none is. */
    enterprises: LinkedEnterprise[];
  };
  /** Every 情况通报 of the incident so far, oldest first. */
  updates: IncidentUpdateView[];
} & TimesOf<PersonStep, string | null>;

/** One row of the live response board. */
export type AssignmentView = {
  id: string;
  incidentId: string;
  userId: string;
  username: string;
  userName: string;
  phone: string;
  department: string;
  departmentId: string;
  role: string;
  status: AssignmentStatus;
  /** When it reached each status (ISO); sentAt is there from the start. */
  sentAt: string;
  /** Set when a duty officer recorded the 收到 (the person was reached another way); null for the app's own. */
  acknowledgedVia: ReachedBy | null;
  closedAt: string | null;
  /** 已撤回: why the duty officer stood this person down; null unless status is stood_down. */
  stoodDownReason: string | null;
  /** How often the card has been pushed (1 = the push at trigger time); shown while undelivered. */
  pushAttempts: number;
} & TimesOf<Exclude<AssignmentStatus, 'sent'>, string | null>;

export type IncidentSummary = {
  id: string;
  planId: string;
  planName: string;
  incidentType: string;
  description: string;
  location: { lat: number; lng: number };
  enterprises: LinkedEnterprise[];
  isDrill: boolean;
  status: 'active' | 'lifted';
  createdAt: string;
  createdBy: string;
  liftedAt: string | null;
  /** Why the alarm was lifted, as the officer wrote it. */
  liftReason: string | null;
  /** 事件分级; null until the officer sets it. */
  severity: Severity | null;
  /** When the incident was found (the trigger, or the machine report's own time): the 初报 clock's start. */
  discoveredAt: string;
  counts: { total: number; acknowledged: number; unacknowledged: number };
};

export type ShortfallView = { planRoleId: string; roleName: string; departmentId: string; required: number; assigned: number };

export type TimelineEntry = {
  id: string;
  action: string;
  actorName: string | null;
  /** When it happened: for a tap queued offline, when it was made. */
  at: string;
  /** Only when it reached the server later than it happened (a tap queued offline). */
  arrivedAt?: string;
  data: Record<string, unknown>;
};

export type IncidentDetail = IncidentSummary & {
  assignments: AssignmentView[];
  updates: IncidentUpdateView[];
  shortfalls: ShortfallView[];
  timeline: TimelineEntry[];
  /** The 初报 deadline clock (server/contracts/report-deadline.ts). */
  initialReport: InitialReportClock;
};
