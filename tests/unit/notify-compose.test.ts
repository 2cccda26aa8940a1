import { describe, expect, it } from 'vitest';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, type Notification } from '@/db/schema';
import { cardLinkCode, cardReplyCode } from '@/server/notify/card-link';
import { composeMessage } from '@/server/notify/compose-message';
import type { MessageContext } from '@/server/notify/load-message-context';

const ASSIGNMENT_ID = '7d4dc0b3-19a2-4344-9f32-5715b80dc6ce';
const INCIDENT_ID = 'a985df07-cda6-4501-904c-2a648b7badd1';
const BASE = 'https://ed.example.cn/';

const row = (overrides: Partial<Notification>): Notification => ({
  id: 'n1',
  jurisdictionId: 'j1',
  incidentId: INCIDENT_ID,
  assignmentId: ASSIGNMENT_ID,
  userId: 'u-supervisor',
  channel: 'sms',
  kind: 'assignment',
  payload: {},
  status: 'pending',
  attempts: 1,
  nextAttemptAt: null,
  lastError: null,
  createdAt: new Date(),
  sentAt: null,
  ...overrides,
});

const context: MessageContext = {
  incident: {
    id: INCIDENT_ID,
    incidentType: 'chemical_leak',
    planName: '危险化学品泄漏应急预案',
    description: '储罐区盐酸泄漏',
    isDrill: false,
    isActive: true,
    liftedAt: new Date('2026-04-14T06:05:00Z'),
    liftReason: '泄漏已封堵，下风向监测达标',
  },
  assignment: {
    id: ASSIGNMENT_ID,
    roleName: '交通管制组',
    targetLabel: '事发路段入口',
    isOpen: true,
    isAcknowledged: false,
    isStoodDown: false,
    stoodDownReason: null,
    person: '吴磊',
    phone: '13908300202',
  },
  recipient: { displayName: '周强', phone: '139 0830 0201' },
  assignees: [],
};

describe('composing outgoing messages', () => {
  it('has a text for every kind on every channel (the escalation steps use them too)', () => {
    for (const kind of NOTIFICATION_KINDS) {
      for (const channel of NOTIFICATION_CHANNELS) {
        const message = composeMessage(row({ kind, channel }), context, BASE);
        expect(message.text, `${kind}/${channel}`).not.toMatch(/channels\.|\{|\}/);
        expect(message.push.title, `${kind}/${channel}`).not.toMatch(/channels\.|\{|\}/);
        expect(message.push.body.length).toBeGreaterThan(0);
      }
    }
  });

  it('asks a supervisor to chase the named assignee, with that person’s number, and @mentions the supervisor in the group', () => {
    const sms = composeMessage(row({ kind: 'supervisor', channel: 'sms' }), context, BASE);
    expect(sms.text).toBe('【督办】吴磊（13908300202）未确认任务：交通管制组（危险化学品泄漏）。请立即联系督促。');
    expect(sms.phones).toEqual(['13908300201']);
    const bot = composeMessage(row({ kind: 'supervisor', channel: 'webhook' }), context, BASE);
    expect(bot.phones).toEqual(['13908300201']);
  });

  it('speaks a short re-alert, and links the duty officer to the board through the short link', () => {
    const voice = composeMessage(row({ kind: 'realert', channel: 'voice' }), context, BASE);
    expect(voice.text).toContain('您的任务交通管制组还没有确认');
    expect(voice.text).not.toContain('https://');
    const duty = composeMessage(row({ kind: 'duty_officer', channel: 'sms' }), context, BASE);
    expect(duty.text).toContain(`https://ed.example.cn/f/${cardLinkCode(ASSIGNMENT_ID)}`);
    expect(duty.push.url).toBe(`/f/${cardLinkCode(ASSIGNMENT_ID)}`);
    const card = composeMessage(row({ kind: 'backup', channel: 'web_push' }), context, BASE);
    expect(card.push).toMatchObject({ url: `/field?card=${ASSIGNMENT_ID}`, tag: `assignment:${ASSIGNMENT_ID}` });
  });

  it('marks drills in writing and in speech, and tells the lift time in China time', () => {
    const drill = { ...context, incident: { ...context.incident!, isDrill: true } };
    expect(composeMessage(row({ kind: 'lifted', channel: 'webhook', userId: null, assignmentId: null }), drill, BASE).text).toBe(
      '【演练】【警报解除】危险化学品泄漏（危险化学品泄漏应急预案）已于 14:05 解除：泄漏已封堵，下风向监测达标。各组收队。',
    );
    expect(composeMessage(row({ kind: 'realert', channel: 'voice' }), drill, BASE).text.startsWith('这是一次演练。')).toBe(true);
  });

  it('tells a person stood down (撤回) why, in their own name, with the officer’s reason rather than the lift’s', () => {
    const stoodDown = {
      ...context,
      assignment: { ...context.assignment!, isOpen: false, isStoodDown: true, stoodDownReason: '已另派专业队伍' },
    };
    const sms = composeMessage(row({ kind: 'stood_down', channel: 'sms' }), stoodDown, BASE);
    expect(sms.text).toBe('【撤回】吴磊，您在危险化学品泄漏中的任务“交通管制组”已撤回：已另派专业队伍。无需再前往，请知悉。');
    const push = composeMessage(row({ kind: 'stood_down', channel: 'web_push' }), stoodDown, BASE);
    expect(push.push).toMatchObject({ title: '任务已撤回：交通管制组', body: '危险化学品泄漏：已另派专业队伍' });
  });

  it('asks for the card’s reply code in an SMS that opens a card, and only there', () => {
    const hint = `或直接回复 ${cardReplyCode(ASSIGNMENT_ID)} 确认收到。`;
    expect(cardReplyCode(ASSIGNMENT_ID)).toMatch(/^\d{4}$/);
    for (const kind of ['assignment', 'realert', 'backup'] as const) {
      expect(composeMessage(row({ kind, channel: 'sms' }), context, BASE).text, kind).toContain(hint);
      for (const channel of ['voice', 'webhook', 'web_push'] as const)
        expect(composeMessage(row({ kind, channel }), context, BASE).text, `${kind}/${channel}`).not.toContain('回复');
    }
    for (const kind of ['supervisor', 'duty_officer', 'lifted', 'stood_down'] as const)
      expect(composeMessage(row({ kind, channel: 'sms' }), context, BASE).text, kind).not.toContain('回复');
  });

  it('cannot text or call someone without a number', () => {
    const nobody = { ...context, recipient: { displayName: '周强', phone: '' } };
    expect(() => composeMessage(row({ channel: 'sms' }), nobody, BASE)).toThrow('no_phone');
    expect(() => composeMessage(row({ channel: 'voice' }), nobody, BASE)).toThrow('no_phone');
  });
});
