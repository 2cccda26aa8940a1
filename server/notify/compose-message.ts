import { createTranslator } from 'use-intl/core';
import type { Notification, NotificationKind } from '../../db/schema';
import { getMessages } from '../../i18n/messages';
import { cardLinkCode, cardLinkUrl, cardReplyCode } from './card-link';
import type { MessageContext } from './load-message-context';
import { DeliveryError, type OutgoingMessage } from './notifier';

// Outgoing texts are Chinese: SMS, calls and work groups reach people regardless of the language
// their browser last used. The English catalog keeps the same keys for a deployment that wants it.
export const MESSAGE_LOCALE = 'zh-CN';
const DESCRIPTION_MAX = 40;
const PERSONAL_CARD_KINDS: NotificationKind[] = ['assignment', 'realert', 'backup'];
const MOBILE = /^1\d{10}$/;

/** The words and recipients of one outbox row for its channel. Throws when the channel cannot reach anyone. */
export function composeMessage(row: Notification, context: MessageContext, baseUrl: string): OutgoingMessage {
  const t = createTranslator({ locale: MESSAGE_LOCALE, messages: getMessages(MESSAGE_LOCALE) });
  const say = (key: string, values: Record<string, string | number>) => t(key as never, values as never);
  const { incident, assignment } = context;
  const isDrill = incident?.isDrill ?? false;
  const incidentType = incident
    ? t.has(`common.incidentTypes.${incident.incidentType}` as never)
      ? say(`common.incidentTypes.${incident.incidentType}`, {})
      : incident.incidentType
    : '';
  const link = assignment
    ? cardLinkUrl(baseUrl, assignment.id)
    : incident
      ? `${trimSlash(baseUrl)}/incidents/${incident.id}`
      : trimSlash(baseUrl);
  const values = {
    drill: isDrill ? say(row.channel === 'voice' ? 'channels.outgoing.drillSpoken' : 'channels.outgoing.drill', {}) : '',
    incidentType,
    planName: incident?.planName ?? '',
    description: shorten(incident?.description ?? ''),
    role: assignment?.roleName ?? '',
    target: assignment?.targetLabel ?? '',
    person: assignment?.person ?? '',
    phone: assignment?.phone ?? '',
    link,
    time: incident?.liftedAt ? formatTime(incident.liftedAt) : '',
    reason: (row.kind === 'stood_down' ? assignment?.stoodDownReason : incident?.liftReason) ?? '',
    // Only an SMS can be answered by SMS: its reply names this card (acknowledge-by-sms-reply.ts).
    reply:
      row.channel === 'sms' && assignment && PERSONAL_CARD_KINDS.includes(row.kind)
        ? say('channels.outgoing.replyHint', { code: cardReplyCode(assignment.id) })
        : '',
  };

  const isGroupDispatch = row.userId === null && row.kind === 'assignment';
  const text =
    row.channel === 'voice'
      ? say(`channels.outgoing.spoken.${row.kind}`, values)
      : isGroupDispatch
        ? say('channels.outgoing.group.assignment', {
            ...values,
            count: context.assignees.length,
            lines: context.assignees.length
              ? context.assignees.map((a) => say('channels.outgoing.group.line', { role: a.roleName, person: a.person })).join('\n')
              : say('channels.outgoing.group.none', {}),
          })
        : say(`channels.outgoing.text.${row.kind}`, values);

  const phones = recipientPhones(row, context);
  if ((row.channel === 'sms' || row.channel === 'voice') && phones.length === 0) throw new DeliveryError('no_phone', true);

  const opensCard = assignment && PERSONAL_CARD_KINDS.includes(row.kind);
  return {
    id: row.id,
    kind: row.kind,
    userId: row.userId,
    phones,
    text,
    push: {
      title: say(`channels.outgoing.pushTitle.${row.kind}`, values),
      body: say(`channels.outgoing.pushBody.${row.kind}`, values),
      // Same origin as the service worker: the card itself for the assignee, else the short link.
      url: opensCard
        ? `/field?card=${assignment.id}`
        : assignment
          ? `/f/${cardLinkCode(assignment.id)}`
          : incident
            ? `/incidents/${incident.id}`
            : '/',
      tag: assignment ? `assignment:${assignment.id}` : `incident:${incident?.id ?? row.id}`,
    },
  };
}

function recipientPhones(row: Notification, context: MessageContext): string[] {
  if (row.channel === 'web_push') return [];
  if (row.channel === 'webhook') {
    // A group bot can only @mention mobile numbers.
    const numbers = row.userId ? [context.recipient?.phone ?? ''] : row.kind === 'assignment' ? context.assignees.map((a) => a.phone) : [];
    return [...new Set(numbers.map(normalizePhone).filter((phone) => MOBILE.test(phone)))];
  }
  const phone = normalizePhone(context.recipient?.phone ?? '');
  return phone ? [phone] : [];
}

const normalizePhone = (phone: string) => phone.replace(/[\s]/g, '');
const trimSlash = (url: string) => url.replace(/\/+$/, '');
const shorten = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > DESCRIPTION_MAX ? `${flat.slice(0, DESCRIPTION_MAX)}…` : flat;
};

function formatTime(at: Date): string {
  return new Intl.DateTimeFormat(MESSAGE_LOCALE, {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}
