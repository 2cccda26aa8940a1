import { z } from 'zod';

/** `report` files a report (a pending incident); `trigger` may also start the plan directly. */
export const TOKEN_SCOPES = ['report', 'trigger'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
export const INTAKE_STATUSES = ['pending', 'confirmed', 'dismissed'] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];

/** The signed request's age limit either way (clock skew), and how long its signature is remembered. */
export const REPLAY_WINDOW_MS = 5 * 60 * 1000;

export const createTokenInput = z.object({ name: z.string().trim().min(1).max(80), scope: z.enum(TOKEN_SCOPES) });
export const tokenRef = z.object({ tokenId: z.string().uuid() });

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL');

/** What another system posts to POST /api/reports. */
export const reportInput = z.object({
  reporter: z.object({
    name: z.string().trim().min(1).max(80),
    phone: z.string().trim().max(40).optional().default(''),
    org: z.string().trim().max(120).optional().default(''),
  }),
  time: z.iso.datetime({ offset: true }),
  location: z.object({
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    address: z.string().trim().max(300).optional().default(''),
  }),
  type: z.string().trim().min(1).max(80),
  text: z.string().trim().min(2).max(2000),
  photoUrls: z.array(httpUrl).max(10).optional().default([]),
  trigger: z.boolean().optional().default(false),
});
export type ReportInput = z.input<typeof reportInput>;

export const dismissReportInput = z.object({ reportId: z.string().uuid(), reason: z.string().trim().min(2).max(300) });
export const confirmReportInput = z.object({
  reportId: z.string().uuid(),
  planId: z.string().uuid(),
  description: z.string().trim().min(2).max(500).optional(),
  drill: z.boolean().optional().default(false),
});

/** A pending incident as the duty officer's board shows it. */
export type PendingReportView = {
  id: string;
  source: string;
  reporter: { name: string; phone: string; org: string };
  reportedAt: string;
  location: { lat: number; lng: number; address: string };
  incidentType: string;
  text: string;
  photoUrls: string[];
  suggestedPlanId: string | null;
  status: IntakeStatus;
  incidentId: string | null;
  dismissReason: string | null;
  createdAt: string;
};

export type IntegrationTokenView = {
  id: string;
  name: string;
  scope: TokenScope;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  canSign: boolean;
};
