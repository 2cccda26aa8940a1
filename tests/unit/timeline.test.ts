import { describe, expect, it } from 'vitest';
import { toTimeline } from '@/server/dispatch/timeline';

const at = (clock: string) => new Date(`2025-04-18T08:${clock}+08:00`);
const row = (id: string, action: string, createdAt: Date, data: Record<string, unknown> = {}) => ({
  event: { id, action, createdAt, data },
  actorName: null,
});

describe('the incident timeline', () => {
  it('places a tap queued offline at the time it was made, and says when it arrived', () => {
    const timeline = toTimeline([
      row('trigger', 'incident.triggered', at('30:00')),
      row('step', 'escalation.realert', at('31:40')),
      // 出发 tapped offline at 08:31:32, arrived at 08:31:53 (after the escalation step).
      row('tap', 'assignment.en_route', at('31:53'), { occurredAt: at('31:32').toISOString() }),
    ]);
    expect(timeline.map((entry) => entry.id)).toEqual(['trigger', 'tap', 'step']);
    expect(timeline[1]).toMatchObject({ at: at('31:32').toISOString(), arrivedAt: at('31:53').toISOString() });
    expect(timeline[0]).not.toHaveProperty('arrivedAt');
  });

  it('does not call a report offline because its photos took a few seconds to upload', () => {
    const [entry] = toTimeline([row('report', 'field_report.added', at('30:04'), { occurredAt: at('30:01').toISOString() })]);
    expect(entry).toMatchObject({ at: at('30:01').toISOString() });
    expect(entry).not.toHaveProperty('arrivedAt');
  });

  it('keeps the written order for entries of the same moment, and ignores an unreadable or future occurredAt', () => {
    const timeline = toTimeline([
      row('a', 'incident.triggered', at('30:00')),
      row('b', 'assignment.sent', at('30:00')),
      row('c', 'assignment.acknowledged', at('30:10'), { occurredAt: 'yesterday' }),
      row('d', 'assignment.done', at('30:20'), { occurredAt: at('45:00').toISOString() }),
    ]);
    expect(timeline.map((entry) => [entry.id, entry.at, entry.arrivedAt])).toEqual([
      ['a', at('30:00').toISOString(), undefined],
      ['b', at('30:00').toISOString(), undefined],
      ['c', at('30:10').toISOString(), undefined],
      ['d', at('30:20').toISOString(), undefined],
    ]);
  });
});
