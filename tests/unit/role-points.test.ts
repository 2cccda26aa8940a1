import { describe, expect, it } from 'vitest';
import { namedFirst, pointsNamedIn } from '@/components/field/role-points';

const points = ['DO-1', 'EP-1', 'V-31', 'V-3', 'MH-2'].map((code) => ({ code }));

describe('the points a role names', () => {
  it('finds whole codes in the instructions, not codes that merely contain them', () => {
    expect(pointsNamedIn('赶赴西永污水处理厂，督促关闭排污阀 V-3，确认出水口 DO-1 无油污外排。', points)).toEqual(new Set(['V-3', 'DO-1']));
    expect(pointsNamedIn('检查 V-31。', points)).toEqual(new Set(['V-31']));
    expect(pointsNamedIn('前往现场核查油污来源', points)).toEqual(new Set());
  });

  it('puts the named points first and keeps the map’s order otherwise', () => {
    expect(namedFirst(points, new Set(['V-3'])).map((point) => point.code)).toEqual(['V-3', 'DO-1', 'EP-1', 'V-31', 'MH-2']);
  });
});
