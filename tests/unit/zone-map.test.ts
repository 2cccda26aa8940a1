import { describe, expect, it } from 'vitest';
import { classifyMapResult, isNewerVersion, mergeMapLoad, type MapLoad } from '@/components/maps/zone-map-fetch';
import {
  ALL_LEVELS,
  enterprisesToFetch,
  filterEnterprises,
  focusFor,
  georeferencedPoints,
  isRiskPointZoom,
  normalizeQuery,
  padBounds,
  RISK_POINT_MIN_ZOOM,
  toggleLevel,
  type ZoneEnterprise,
} from '@/components/maps/zone-map';
import type { PublishedMap, PublishedRiskPoint } from '@/server/contracts/one-map';

const WWTP: ZoneEnterprise = {
  id: 'wwtp',
  name: '重庆高新区西永污水处理厂',
  riskLevel: 'larger',
  location: { lat: 29.5912, lng: 106.3268 },
};
const CHEM: ZoneEnterprise = {
  id: 'chem',
  name: '重庆渝西精细化工有限公司',
  riskLevel: 'major',
  location: { lat: 29.6035, lng: 106.3452 },
};
const AUTO: ZoneEnterprise = {
  id: 'auto',
  name: '重庆创想车神汽车零部件有限公司',
  riskLevel: 'general',
  location: { lat: 29.5738, lng: 106.3151 },
};
const ALL = [WWTP, CHEM, AUTO];

// A view of roughly 800 × 450 m around the treatment plant.
const NEAR_WWTP = { south: 29.5892, west: 106.3228, north: 29.5932, east: 106.3308 };

describe('zone map: search and risk filter', () => {
  it('shows every enterprise with no query and every level ticked', () => {
    expect(filterEnterprises(ALL, { query: '', levels: ALL_LEVELS })).toEqual(ALL);
  });

  it('matches a part of the name, ignoring case, spaces and full-width characters', () => {
    expect(filterEnterprises(ALL, { query: ' 西永 污水 ', levels: ALL_LEVELS }).map((e) => e.id)).toEqual(['wwtp']);
    const latin = { ...AUTO, name: 'Chuangxiang Auto Parts' };
    expect(filterEnterprises([latin], { query: 'ＡＵＴＯ', levels: ALL_LEVELS })).toHaveLength(1);
    expect(normalizeQuery('Ｘｉ Yong')).toBe('xiyong');
  });

  it('hides the levels that are unticked, and combines with the search', () => {
    const withoutGeneral = toggleLevel(ALL_LEVELS, 'general');
    expect(filterEnterprises(ALL, { query: '', levels: withoutGeneral }).map((e) => e.id)).toEqual(['wwtp', 'chem']);
    expect(filterEnterprises(ALL, { query: '车神', levels: withoutGeneral })).toEqual([]);
    expect(filterEnterprises(ALL, { query: '', levels: new Set() })).toEqual([]);
  });

  it('toggles a level back on without touching the original set', () => {
    const off = toggleLevel(ALL_LEVELS, 'major');
    expect(off.has('major')).toBe(false);
    expect(ALL_LEVELS.has('major')).toBe(true);
    expect(toggleLevel(off, 'major').has('major')).toBe(true);
  });

  it('keeps the enterprise linked to the incident being prepared visible whatever the filter says', () => {
    const shown = filterEnterprises(ALL, { query: '化工', levels: new Set(['major']) }, 'auto');
    expect(shown.map((e) => e.id)).toEqual(['chem', 'auto']);
  });
});

describe('zone map: risk points when zoomed in', () => {
  it('draws risk points from the threshold zoom on, not before', () => {
    expect(RISK_POINT_MIN_ZOOM).toBe(16);
    expect(isRiskPointZoom(13)).toBe(false);
    expect(isRiskPointZoom(15.99)).toBe(false);
    expect(isRiskPointZoom(16)).toBe(true);
    expect(isRiskPointZoom(18.5)).toBe(true);
    expect(isRiskPointZoom(Number.NaN)).toBe(false);
  });

  it('fetches nothing while zoomed out, even with the enterprise in view', () => {
    expect(enterprisesToFetch(ALL, { zoom: 13, bounds: NEAR_WWTP }, new Set())).toEqual([]);
  });

  it('fetches only shown enterprises in or near the view, once', () => {
    expect(enterprisesToFetch(ALL, { zoom: 17, bounds: NEAR_WWTP }, new Set())).toEqual(['wwtp']);
    expect(enterprisesToFetch(ALL, { zoom: 17, bounds: NEAR_WWTP }, new Set(['wwtp']))).toEqual([]);
    // A filtered-out enterprise is not passed in, so it is not fetched either.
    expect(enterprisesToFetch([CHEM, AUTO], { zoom: 17, bounds: NEAR_WWTP }, new Set())).toEqual([]);
  });

  it('reads ahead half a view on each side, so a plant just off the edge is ready when panned to', () => {
    const westOfWwtp = { south: 29.5892, west: 106.3288, north: 29.5932, east: 106.3368 };
    expect(enterprisesToFetch(ALL, { zoom: 16, bounds: westOfWwtp }, new Set())).toEqual(['wwtp']);
    expect(padBounds({ south: 0, west: 0, north: 2, east: 4 }, 0.5)).toEqual({ south: -1, west: -2, north: 3, east: 6 });
  });

  it('keeps only the georeferenced points of a published map', () => {
    const point = (code: string, lat: number | null, lng: number | null): PublishedRiskPoint => ({
      id: code,
      number: 1,
      kind: 'discharge_outfall',
      code,
      name: `点 ${code}`,
      x: 10,
      y: 10,
      lat,
      lng,
      substances: [],
      disposalSteps: [],
      responsibleName: '',
      responsiblePhone: '',
    });
    const points = georeferencedPoints('wwtp', [point('DO-1', 29.59, 106.32), point('V-1', null, null)]);
    expect(points).toEqual([
      { id: 'DO-1', kind: 'discharge_outfall', code: 'DO-1', name: '点 DO-1', lat: 29.59, lng: 106.32, enterpriseId: 'wwtp' },
    ]);
  });

  it('zooms a single search hit past the threshold, and fits several in view', () => {
    expect(focusFor([])).toBeNull();
    expect(focusFor([WWTP])).toEqual({ kind: 'point', lat: WWTP.location.lat, lng: WWTP.location.lng, zoom: 17 });
    expect(focusFor([WWTP, CHEM])).toEqual({ kind: 'bounds', bounds: { south: 29.5912, west: 106.3268, north: 29.6035, east: 106.3452 } });
  });
});

describe('one-map loading for cards and board', () => {
  const map = (version: number) => ({ version }) as PublishedMap;
  const ready = (version: number): MapLoad => ({ kind: 'ready', map: map(version) });

  it('names each failure by its cause', () => {
    expect(classifyMapResult({ ok: true, status: 200, data: map(1) })).toEqual(ready(1));
    const failed = (status: number) => classifyMapResult({ ok: false, status, error: { code: 'x', message: '' } });
    expect(failed(403)).toEqual({ kind: 'error', reason: 'forbidden' });
    expect(failed(404)).toEqual({ kind: 'error', reason: 'notFound' });
    expect(failed(400)).toEqual({ kind: 'error', reason: 'notFound' });
    expect(failed(0)).toEqual({ kind: 'error', reason: 'offline' });
    expect(failed(500)).toEqual({ kind: 'error', reason: 'failed' });
  });

  it('never lets a late, older read replace a newer version', () => {
    expect(mergeMapLoad(ready(3), { kind: 'ready', map: map(2) })).toEqual(ready(3));
    expect(mergeMapLoad(ready(2), { kind: 'ready', map: map(3) })).toEqual(ready(3));
    expect(mergeMapLoad({ kind: 'loading' }, { kind: 'ready', map: map(1) })).toEqual(ready(1));
  });

  it('keeps the map on screen when only the network failed, but not when access was withdrawn', () => {
    expect(mergeMapLoad(ready(2), { kind: 'error', reason: 'offline' })).toEqual(ready(2));
    expect(mergeMapLoad(ready(2), { kind: 'error', reason: 'forbidden' })).toEqual({ kind: 'error', reason: 'forbidden' });
  });

  it('re-reads on a push only for a version newer than the one shown', () => {
    expect(isNewerVersion(ready(2), 2)).toBe(false);
    expect(isNewerVersion(ready(2), 3)).toBe(true);
    expect(isNewerVersion({ kind: 'error', reason: 'notFound' }, 1)).toBe(true);
    expect(isNewerVersion(undefined, 1)).toBe(true);
  });
});
