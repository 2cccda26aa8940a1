import { describe, expect, it } from 'vitest';
import { createTransform } from '@/server/one-map/georeference';

describe('createTransform', () => {
  it('maps the control points onto themselves and interpolates between two points', () => {
    const t = createTransform([
      { x: 0, y: 0, lat: 29.6, lng: 106.3 },
      { x: 1000, y: 1000, lat: 29.59, lng: 106.31 },
    ])!;
    expect(t(0, 0).lat).toBeCloseTo(29.6, 9);
    expect(t(1000, 1000).lng).toBeCloseTo(106.31, 9);
    const middle = t(500, 500);
    expect(middle.lat).toBeCloseTo(29.595, 9);
    expect(middle.lng).toBeCloseTo(106.305, 9);
  });

  it('solves a full affine transform from three points', () => {
    const t = createTransform([
      { x: 0, y: 0, lat: 30, lng: 100 },
      { x: 100, y: 0, lat: 30, lng: 100.1 },
      { x: 0, y: 200, lat: 29.9, lng: 100 },
    ])!;
    expect(t(100, 200).lat).toBeCloseTo(29.9, 9);
    expect(t(100, 200).lng).toBeCloseTo(100.1, 9);
  });

  it('refuses too few, too many, coincident or collinear points', () => {
    expect(createTransform([{ x: 0, y: 0, lat: 1, lng: 1 }])).toBeNull();
    expect(
      createTransform([
        { x: 1, y: 1, lat: 1, lng: 1 },
        { x: 1, y: 1, lat: 2, lng: 2 },
      ]),
    ).toBeNull();
    expect(
      createTransform([
        { x: 0, y: 0, lat: 1, lng: 1 },
        { x: 1, y: 1, lat: 2, lng: 2 },
        { x: 2, y: 2, lat: 3, lng: 3 },
      ]),
    ).toBeNull();
  });
});
