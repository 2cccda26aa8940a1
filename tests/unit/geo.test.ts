import { describe, expect, it } from 'vitest';
import { buildAmapUrl, buildGeoUri, distanceMeters, splitDistance } from '@/components/field/geo';

const RIVER = { lat: 29.5873, lng: 106.3291 };

describe('distanceMeters', () => {
  it('is zero for the same point and symmetric', () => {
    const other = { lat: 29.6, lng: 106.35 };
    expect(distanceMeters(RIVER, RIVER)).toBe(0);
    expect(distanceMeters(RIVER, other)).toBeCloseTo(distanceMeters(other, RIVER), 6);
  });

  it('matches known distances', () => {
    // One degree of latitude is about 111.2 km anywhere.
    expect(distanceMeters({ lat: 29, lng: 106 }, { lat: 30, lng: 106 })).toBeCloseTo(111_195, -2);
    // 重庆 (解放碑) to 成都 (天府广场): about 267 km as the crow flies.
    const km = distanceMeters({ lat: 29.5577, lng: 106.5773 }, { lat: 30.6574, lng: 104.0658 }) / 1000;
    expect(km).toBeGreaterThan(262);
    expect(km).toBeLessThan(272);
  });
});

describe('splitDistance', () => {
  it('uses metres in 10 m steps below one kilometre', () => {
    expect(splitDistance(0)).toEqual({ unit: 'm', value: 0 });
    expect(splitDistance(844)).toEqual({ unit: 'm', value: 840 });
    expect(splitDistance(994)).toEqual({ unit: 'm', value: 990 });
  });

  it('switches to kilometres, one decimal below 10 km and whole beyond', () => {
    expect(splitDistance(996)).toEqual({ unit: 'km', value: 1 });
    expect(splitDistance(2_345)).toEqual({ unit: 'km', value: 2.3 });
    expect(splitDistance(12_600)).toEqual({ unit: 'km', value: 13 });
  });

  it('never reports a negative distance', () => {
    expect(splitDistance(-5)).toEqual({ unit: 'm', value: 0 });
  });
});

describe('navigation links', () => {
  it('builds a geo: URI with the label as the query name', () => {
    expect(buildGeoUri(RIVER, '合谷段下游 拦截点')).toBe(
      `geo:29.5873,106.3291?q=29.5873,106.3291(${encodeURIComponent('合谷段下游 拦截点')})`,
    );
  });

  it('strips characters that would end the label early', () => {
    expect(buildGeoUri(RIVER, '雨水排口(1号), 东侧')).toContain(`(${encodeURIComponent('雨水排口 1号 东侧')})`);
  });

  it('builds an Amap navigation link with lng,lat order and WGS-84 coordinates', () => {
    const url = new URL(buildAmapUrl({ lat: 29.58731234, lng: 106.3291 }, '拦截点'));
    expect(url.origin + url.pathname).toBe('https://uri.amap.com/navigation');
    expect(url.searchParams.get('to')).toBe('106.3291,29.587312,拦截点');
    expect(url.searchParams.get('coordinate')).toBe('wgs84');
    expect(url.searchParams.get('mode')).toBe('car');
    expect(url.searchParams.get('callnative')).toBe('1');
  });
});
