import { and, count, desc, eq, gte } from 'drizzle-orm';
import {
  incidents,
  notifications,
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  users,
  type NotificationChannel,
  type NotificationStatus,
} from '../../db/schema';
import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import { channelEnv, linkBaseUrl, type ChannelEnv } from './channel-config';
import { CHANNELS_BY_KIND, channelStates, GROUP_CHANNELS } from './channel-policy';

const WINDOW_MS = 24 * 3_600_000;

// Shown by name with set/missing only: values (secrets, keys) never leave the server.
const VARIABLES: Record<string, { name: keyof ChannelEnv; isOptional?: boolean }[]> = {
  sms: [{ name: 'SMS_GATEWAY_URL' }, { name: 'SMS_GATEWAY_SECRET' }],
  voice: [{ name: 'SMS_GATEWAY_URL' }, { name: 'SMS_GATEWAY_SECRET' }],
  webhook: [{ name: 'BOT_WEBHOOK_URL' }, { name: 'BOT_WEBHOOK_KIND' }, { name: 'BOT_WEBHOOK_SECRET', isOptional: true }],
  web_push: [{ name: 'VAPID_PUBLIC_KEY' }, { name: 'VAPID_PRIVATE_KEY' }, { name: 'VAPID_SUBJECT' }],
};
const FAILURES_SHOWN = 10;

/** The admin's view of the channels: which are on, what each lacks, and how the outbox fared in the last day. */
export async function getChannelOverview({ ctx }: { ctx: VerbContext }) {
  const { actor, db } = ctx;
  requireRole(actor, 'admin');
  const env = channelEnv();
  const since = new Date(ctx.now().getTime() - WINDOW_MS);
  const inJurisdiction = eq(notifications.jurisdictionId, actor.jurisdictionId);

  const grouped = await db
    .select({ status: notifications.status, total: count() })
    .from(notifications)
    .where(and(inJurisdiction, gte(notifications.createdAt, since)))
    .groupBy(notifications.status);
  const counts = Object.fromEntries(NOTIFICATION_STATUSES.map((status) => [status, 0])) as Record<NotificationStatus, number>;
  for (const row of grouped) counts[row.status] = row.total;

  const failures = await db
    .select({
      id: notifications.id,
      channel: notifications.channel,
      kind: notifications.kind,
      attempts: notifications.attempts,
      lastError: notifications.lastError,
      createdAt: notifications.createdAt,
      incidentId: notifications.incidentId,
      incidentType: incidents.incidentType,
      recipient: users.displayName,
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.userId))
    .leftJoin(incidents, eq(incidents.id, notifications.incidentId))
    .where(and(inJurisdiction, eq(notifications.status, 'failed')))
    .orderBy(desc(notifications.createdAt))
    .limit(FAILURES_SHOWN);

  // Group channels also carry the activation and the lift, which are addressed to no one person.
  const kindsByChannel = (channel: NotificationChannel) =>
    NOTIFICATION_KINDS.filter(
      (kind) =>
        CHANNELS_BY_KIND[kind].includes(channel) || (GROUP_CHANNELS.includes(channel) && (kind === 'assignment' || kind === 'lifted')),
    );
  return {
    channels: channelStates(env).map((state) => ({
      ...state,
      kinds: kindsByChannel(state.channel),
      variables: (VARIABLES[state.channel] ?? []).map((variable) => ({
        name: variable.name,
        isSet: Boolean(env[variable.name]),
        isOptional: variable.isOptional ?? false,
      })),
    })),
    botKind: env.BOT_WEBHOOK_KIND,
    hasPublicBaseUrl: Boolean(env.PUBLIC_BASE_URL),
    linkBaseUrl: linkBaseUrl(env),
    counts,
    failures: failures.map((failure) => ({ ...failure, createdAt: failure.createdAt.toISOString() })),
  };
}

export type ChannelOverview = Awaited<ReturnType<typeof getChannelOverview>>;
