import { describe, expect, it } from 'vitest';
import { staffRoles } from '@/server/contracts/staffing';

const role = (id: string, departmentId: string, requiredCount: number, preferredUserIds: string[] = []) => ({
  id,
  departmentId,
  requiredCount,
  preferredUserIds,
});

describe('staffRoles', () => {
  it('gives pre-assigned on-duty people their own role before anyone volunteers', () => {
    const { picks, gaps } = staffRoles(
      [role('sampling', 'env', 1), role('valve', 'env', 1, ['li'])],
      [
        { id: 'li', departmentId: 'env' },
        { id: 'wang', departmentId: 'env' },
      ],
    );
    expect(picks).toEqual([
      { roleId: 'sampling', userId: 'wang' },
      { roleId: 'valve', userId: 'li' },
    ]);
    expect(gaps).toEqual([]);
  });

  it('never gives one person two roles, and reports the gap', () => {
    const { picks, gaps } = staffRoles(
      [role('a', 'police', 1, ['zhou']), role('b', 'police', 1, ['zhou'])],
      [{ id: 'zhou', departmentId: 'police' }],
    );
    expect(picks).toEqual([{ roleId: 'a', userId: 'zhou' }]);
    expect(gaps).toEqual([{ roleId: 'b', required: 1, assigned: 0 }]);
  });

  it('ignores a pre-assigned member who is off duty or in another department', () => {
    const { picks, gaps } = staffRoles(
      [role('a', 'env', 2, ['off', 'cop'])],
      [
        { id: 'cop', departmentId: 'police' },
        { id: 'he', departmentId: 'env' },
      ],
    );
    expect(picks).toEqual([{ roleId: 'a', userId: 'he' }]);
    expect(gaps).toEqual([{ roleId: 'a', required: 2, assigned: 1 }]);
  });
});
