import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgeAssignment, acknowledgeOnBehalf, liftIncident, updateAssignmentStatus } from '@/server/dispatch';
import { DomainError } from '@/server/kernel/errors';
import { setChannelEnv } from '@/server/notify/channel-config';
import { exportReviewPdf, getIncidentReview } from '@/server/review';
import { createEscalationFixture, TRIGGERED_AT } from '../helpers/escalation-fixture';
import { useChannels } from '../helpers/notify-setup';

// The review's loader over a real drill: a hand-turned clock, one escalation chain, a 收到 by the
// app and one recorded by the officer, a lift; then the numbers, who may read them, and the PDF.
beforeAll(() => useChannels({ SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms', SMS_GATEWAY_SECRET: 'test-secret' }));
afterAll(() => setChannelEnv(undefined));

let fixture: Awaited<ReturnType<typeof createEscalationFixture>>;
afterEach(() => fixture?.close());

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? error.code : error),
  );

async function drillToLift() {
  fixture = await createEscalationFixture({ seconds: 60, steps: ['realert', 'duty_officer'] });
  const { incident, original, assignments } = await fixture.trigger();
  await fixture.at(60); // env1 silent: re-alert
  await fixture.at(100);
  await acknowledgeOnBehalf({ ctx: await fixture.ctxAt('duty'), input: { assignmentId: original.id, reachedBy: 'phone_call' } });
  const other = assignments.find((card) => card.id !== original.id)!;
  const otherName = [...fixture.ids.userIds.entries()].find(([, id]) => id === other.userId)![0];
  await fixture.at(130);
  await acknowledgeAssignment({ ctx: await fixture.ctxAt(otherName), input: { assignmentId: other.id } });
  await fixture.at(600);
  await updateAssignmentStatus({ ctx: await fixture.ctxAt(otherName), input: { assignmentId: other.id, status: 'on_scene' } });
  await fixture.at(3600);
  await liftIncident({ ctx: await fixture.ctxAt('duty'), input: { incidentId: incident.id, reason: '演练结束' } });
  return { incident, original, other };
}

describe('getIncidentReview', () => {
  it('reads each person’s times, how they were reached and the escalation, and scores the drill', async () => {
    const { incident, original, other } = await drillToLift();
    const review = await getIncidentReview({ ctx: await fixture.ctxAt('duty'), input: { incidentId: incident.id } });

    const env1 = review.people.find((person) => person.assignmentId === original.id)!;
    expect(env1).toMatchObject({ reachedVia: 'officer', officerReachedBy: 'phone_call', isAfterEscalation: true });
    expect(env1.sinceSent.acknowledged).toBe(100);
    expect(env1.escalations.map((step) => [step.step, step.afterSeconds])).toEqual([['realert', 60]]);
    const second = review.people.find((person) => person.assignmentId === other.id)!;
    expect(second).toMatchObject({ reachedVia: 'app', isAfterEscalation: false });
    expect(second.sinceSent).toMatchObject({ acknowledged: 130, on_scene: 600 });

    expect(review.incident).toMatchObject({ isDrill: true, status: 'lifted', liftedAt: new Date(TRIGGERED_AT + 3_600_000).toISOString() });
    const lines = Object.fromEntries(review.scoreCard!.lines.map((line) => [line.target, [line.actualSeconds, line.outcome]]));
    expect(lines.firstOnScene).toEqual([600, 'met']);
    expect(lines.initialReportSigned).toEqual([null, 'missed']);
    // Not everyone acknowledged (the other roles stayed silent) and the drill is lifted: missed.
    expect(lines.everyoneAcknowledged![1]).toBe('missed');
    expect(review.swimlane).toHaveLength(review.people.length);
    expect(review.byRole.length).toBeGreaterThan(1);
  });

  it('is for command roles of the jurisdiction only, and a malformed id changes nothing', async () => {
    const { incident } = await drillToLift();
    expect(await refusal(getIncidentReview({ ctx: await fixture.ctxAt('env1'), input: { incidentId: incident.id } }))).toBe('forbidden');
    expect(await refusal(getIncidentReview({ ctx: await fixture.ctxAt('ent1'), input: { incidentId: incident.id } }))).toBe('forbidden');
    expect(await refusal(getIncidentReview({ ctx: await fixture.ctxAt('duty'), input: { incidentId: 'nope' } }))).toBe('invalid_input');
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await refusal(getIncidentReview({ ctx: await fixture.ctxAt('admin'), input: { incidentId: missing } }))).toBe('not_found');
  });

  it('exports an A4 PDF, and refuses another format', async () => {
    const { incident } = await drillToLift();
    const duty = await fixture.ctxAt('duty');
    const { pdf, filename } = await exportReviewPdf({ ctx: duty, input: { incidentId: incident.id, format: 'pdf', locale: 'zh-CN' } });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    // The text is Chinese set in the CJK font (pdftotext reads it back), the footer adds no page of its own.
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
    expect(text).toContain('演练复盘');
    expect(text).toContain('王建国');
    expect(text).toContain('响应时间轴');
    const pages = text.split('\f').filter((page) => page.trim() !== '').length;
    expect(text.match(/生成于 .* · 第 \d+ 页/g)).toHaveLength(pages);
    expect(filename).toMatch(/^review-drill-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf$/);
    expect(await refusal(exportReviewPdf({ ctx: duty, input: { incidentId: incident.id, format: 'docx', locale: 'zh-CN' } }))).toBe(
      'invalid_input',
    );
  });
});
