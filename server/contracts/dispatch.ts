// PURE module: zod schemas and types shared by server and client. No server imports here.
import { z } from 'zod';

// The lifecycle lives in a zod-free module so the field phone can use it without pulling zod in.
import { PROGRESS_STEPS, REACHED_BY, type AssignmentStatus, type PersonStep, type ReachedBy, type TimesOf } from './assignment-lifecycle';

const latitude = z.number().finite().min(-90).max(90);
const longitude = z.number().finite().min(-180).max(180);

export const triggerIncidentInput = z.object({
  planId: z.string().uuid(),
  location: z.object({ lat: latitude, lng: longitude }),
  description: z.string().trim().min(2).max(500),
  enterpriseId: z.string().uuid().nullish(),
  drill: z.boolean().optional().default(false),
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
    enterprise: { id: string; name: string; address: string } | null;
  };
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
  enterprise: { id: string; name: string } | null;
  isDrill: boolean;
  status: 'active' | 'lifted';
  createdAt: string;
  createdBy: string;
  liftedAt: string | null;
  /** Why the alarm was lifted, as the officer wrote it. */
  liftReason: string | null;
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
  shortfalls: ShortfallView[];
  timeline: TimelineEntry[];
};
