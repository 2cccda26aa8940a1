import { createTranslator } from 'next-intl';
import { afterEach, describe, expect, it } from 'vitest';
import { reachText } from '@/components/dispatch/use-reach-text';
import { setChannelEnv } from '@/server/notify/channel-config';
import { createPresenceTracker, setPresence } from '@/server/presence/presence-tracker';
import zh from '@/messages/zh-CN/deliveryOutcome.json';
import en from '@/messages/en/deliveryOutcome.json';
import { createEscalationFixture } from '../helpers/escalation-fixture';
import { useChannels } from '../helpers/notify-setup';

// Issue 15: with no SMS or voice configured, step 3 said "已通知 杨光明" though nothing reached
// them. Each step now records what actually carried it, and the board words it from that.

let fixture: Awaited<ReturnType<typeof createEscalationFixture>>;
afterEach(async () => {
  await fixture?.close();
  setChannelEnv(undefined);
  setPresence(undefined);
});

/** Runs realert, backup, supervisor, duty officer (60 s apart) and returns each step's recorded channels. */
async function channelsPerStep() {
  fixture = await createEscalationFixture({ seconds: 60 });
  const { incident } = await fixture.trigger();
  for (const seconds of [60, 120, 180, 240]) await fixture.at(seconds);
  const steps = await fixture.steps(incident.id);
  expect(steps.map((step) => step.action)).toEqual([
    'escalation.realert',
    'escalation.backup',
    'escalation.supervisor',
    'escalation.duty_officer',
  ]);
  return Object.fromEntries(steps.map((step) => [step.data.step, step.data.channels]));
}

describe('an escalation step records the channels that actually carried it', () => {
  it('no outside channel configured and nobody online: every step records that nothing reached anyone', async () => {
    useChannels({});
    setPresence(createPresenceTracker());
    const channels = await channelsPerStep();
    expect(channels).toEqual({ realert: [], backup: undefined, supervisor: [], duty_officer: [] });
  });

  it('an SMS gateway (which also places voice calls) and a group robot: the queued channels, per step', async () => {
    useChannels({
      SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms',
      SMS_GATEWAY_SECRET: 'test-secret',
      BOT_WEBHOOK_URL: 'http://127.0.0.1:9/bot',
    });
    setPresence(createPresenceTracker());
    const channels = await channelsPerStep();
    expect(channels.realert).toEqual(['sms', 'voice']);
    expect(channels.supervisor).toEqual(expect.arrayContaining(['sms', 'voice']));
    expect(channels.duty_officer).toEqual(expect.arrayContaining(['sms']));
    // Each recorded channel has its outbox row: the record is what was queued, not a wish.
    const pending = await fixture.pendingFor([
      (await fixture.steps((await fixture.db.query.incidents.findFirst())!.id))[0]!.data.assignmentId,
    ]);
    for (const [kind, list] of Object.entries(channels)) {
      for (const channel of list ?? [])
        expect(
          pending.some((row) => row.kind === kind && row.channel === channel),
          `${kind}/${channel}`,
        ).toBe(true);
    }
  });

  it('a supervisor with the page open and no outside channel: reached on the open page only', async () => {
    useChannels({});
    const presence = createPresenceTracker();
    setPresence(presence);
    fixture = await createEscalationFixture({ seconds: 60, steps: ['supervisor'] });
    presence.connected(fixture.user('envlead'), fixture.now());
    const { incident } = await fixture.trigger();
    await fixture.at(60);
    const [step] = await fixture.steps(incident.id);
    expect(step!.data).toMatchObject({ step: 'supervisor', notifiedUserId: fixture.user('envlead'), channels: ['socket'] });
  });
});

describe('the board words a step by what reached the person', () => {
  const values = { assignee: '王建国', role: '溯源排查组', notified: '杨光明' };
  const zhText = reachText(createTranslator({ locale: 'zh-CN', messages: { deliveryOutcome: zh }, namespace: 'deliveryOutcome' }) as never);
  const enText = reachText(createTranslator({ locale: 'en', messages: { deliveryOutcome: en }, namespace: 'deliveryOutcome' }) as never);

  it('names the channels, or says that none could reach them, never 已通知 for nothing', () => {
    expect(zhText.timeline('supervisor', [], values)).toBe('王建国 仍未确认（溯源排查组），科室负责人 杨光明 无可用渠道，未能送达');
    expect(zhText.timeline('supervisor', ['socket', 'sms'], values)).toBe(
      '王建国 仍未确认（溯源排查组），已通知科室负责人 杨光明：在线页面、短信',
    );
    expect(zhText.timeline('realert', [], values)).toContain('未能送达');
    expect(zhText.timeline('realert', [], values)).not.toContain('已再次提醒');
    expect(zhText.timeline('realert', ['web_push'], values)).toBe('王建国 仍未确认（溯源排查组），已再次提醒：浏览器推送');
    expect(zhText.timeline('duty_officer', ['webhook'], values)).toContain('群机器人');
    expect(zhText.banner('杨光明', [])).toBe('杨光明：无可用渠道，未能送达');
    expect(zhText.banner('杨光明', ['voice'])).toBe('已通知 杨光明：语音电话');
    expect(enText.banner('Yang', ['sms', 'socket'])).toBe('Yang notified via SMS, open page');
    expect(enText.timeline('supervisor', [], values)).toContain('could not be reached');
  });

  it('a step recorded before channels were (no field) keeps the old wording', () => {
    expect(zhText.timeline('supervisor', undefined, values)).toBeNull();
    expect(zhText.timeline('backup', ['sms'], values)).toBeNull();
  });
});
