import { describe, expect, it } from 'vitest';
import { describeChange } from '@/components/enterprise/describe-change';
import { emptyPointValues, issuesByField, toPointInput } from '@/components/enterprise/editor/form-values';
import { RISK_POINT_STYLES } from '@/components/maps/risk-point-style';
import { isInsidePlan, latLngToPixel, pixelToLatLng, planBounds } from '@/components/maps/site-plan-coords';
import { riskPointInput, RISK_POINT_KINDS } from '@/server/contracts/one-map';

const plan = { width: 1600, height: 1100 };

describe('site plan coordinates (CRS.Simple, lat = height − y)', () => {
  it('puts the image between [0, 0] and [height, width]', () => {
    expect(planBounds(plan)).toEqual([
      [0, 0],
      [1100, 1600],
    ]);
  });

  it('maps the top-left pixel to the top of the bounds and the bottom-right to the origin', () => {
    expect(pixelToLatLng({ x: 0, y: 0 }, plan)).toEqual([1100, 0]);
    expect(pixelToLatLng({ x: 1600, y: 1100 }, plan)).toEqual([0, 1600]);
    expect(pixelToLatLng({ x: 1310, y: 560 }, plan)).toEqual([540, 1310]);
  });

  it('round-trips a pixel', () => {
    const [lat, lng] = pixelToLatLng({ x: 421, y: 87 }, plan);
    expect(latLngToPixel(lat, lng, plan)).toEqual({ x: 421, y: 87 });
  });

  it('clamps a drop past the edges onto the plan and rounds to whole pixels', () => {
    expect(latLngToPixel(1250.4, -30, plan)).toEqual({ x: 0, y: 0 });
    expect(latLngToPixel(-5, 1700, plan)).toEqual({ x: 1600, y: 1100 });
    expect(latLngToPixel(540.6, 1310.4, plan)).toEqual({ x: 1310, y: 559 });
    expect(latLngToPixel(Number.NaN, Number.NaN, plan)).toEqual({ x: 0, y: 0 });
  });

  it('knows what is inside the plan', () => {
    expect(isInsidePlan({ x: 1600, y: 1100 }, plan)).toBe(true);
    expect(isInsidePlan({ x: 1601, y: 10 }, plan)).toBe(false);
    expect(isInsidePlan({ x: -1, y: 10 }, plan)).toBe(false);
  });
});

describe('risk point styles', () => {
  it('gives each of the nine kinds its own colour and glyph', () => {
    expect(RISK_POINT_STYLES.map((entry) => entry.kind)).toEqual([...RISK_POINT_KINDS]);
    expect(new Set(RISK_POINT_STYLES.map((entry) => entry.style.color)).size).toBe(9);
    expect(new Set(RISK_POINT_STYLES.map((entry) => entry.style.glyph)).size).toBe(9);
  });
});

describe('describeChange', () => {
  it('splits a change entry into a catalog key and the point code', () => {
    expect(describeChange('pointMoved:V-3')).toEqual({ key: 'changes.pointMoved', values: { code: 'V-3', change: 'pointMoved:V-3' } });
    expect(describeChange('contactsChanged').key).toBe('changes.contactsChanged');
    expect(describeChange('pointAdded:A:1').values.code).toBe('A:1');
  });

  it('shows an unknown change verbatim instead of dropping it', () => {
    expect(describeChange('somethingNew:X')).toEqual({ key: 'changes.unknown', values: { code: 'X', change: 'somethingNew:X' } });
  });
});

describe('point form values', () => {
  const filled = { ...emptyPointValues('storage_tank'), code: 'T-1', name: '次氯酸钠储罐', disposalSteps: ['关闭出料阀', ''] };

  it('drops the trailing blank step and keeps the order of the others', () => {
    const input = toPointInput({ ...filled, disposalSteps: ['关阀', '围堰', ''] }, { x: 10, y: 20 });
    expect(input.disposalSteps).toEqual(['关阀', '围堰']);
    expect(riskPointInput.safeParse(input).success).toBe(true);
  });

  it('treats an empty quantity as missing, not zero', () => {
    const input = toPointInput({ ...filled, substances: [{ name: '次氯酸钠', maxQuantity: '', unit: 't' }] }, { x: 1, y: 1 });
    const parsed = riskPointInput.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(issuesByField(parsed.error!)).toEqual({ 'substances.0.maxQuantity': 'number' });
  });

  it('names each bad field with a message key', () => {
    const input = toPointInput(
      { ...filled, code: ' ', name: 'x'.repeat(81), responsiblePhone: 'call me', disposalSteps: ['', 'b'] },
      { x: 1, y: 1 },
    );
    const parsed = riskPointInput.safeParse(input);
    expect(issuesByField(parsed.error!)).toEqual({
      code: 'required',
      name: 'tooLong',
      responsiblePhone: 'phone',
      'disposalSteps.0': 'required',
    });
  });
});

describe('listMapStatuses (the bureau index)', () => {
  it('reports each published enterprise once, with review and staleness, and only to command', async () => {
    const { createSeededDb } = await import('../helpers/fixtures');
    const { listMapStatuses } = await import('@/server/one-map/list-map-statuses');
    process.env.UPLOAD_DIR = `/tmp/ecodispatch-test-uploads-${process.pid}`;
    const fixture = await createSeededDb({ withOneMaps: true });
    try {
      const statuses = await listMapStatuses({ ctx: await fixture.ctxFor('duty') });
      expect(Object.keys(statuses)).toHaveLength(5);
      const all = Object.values(statuses);
      expect(all.every((status) => status.latestVersion === 1)).toBe(true);
      expect(all.some((status) => status.isStale)).toBe(true);
      expect(all.some((status) => !status.isLatestApproved && status.pendingApprovals === 1)).toBe(true);
      await expect(listMapStatuses({ ctx: await fixture.ctxFor('ent1') })).rejects.toMatchObject({ code: 'forbidden' });
    } finally {
      fixture.close();
    }
  }, 20_000);
});
