import { describe, expect, it } from 'vitest';
import { verdictCode } from '../../platform/policy.ts';
import { canReadAgencyComparison, canReadProvince } from './indicators.policy.ts';

const as = (
  role: 'admin' | 'assessor' | 'approver' | 'reporter' | 'viewer',
  agencyId: string | null = null,
) => ({
  role,
  agencyId,
});

describe('who reads the indicators', () => {
  it.each([
    ['admin', as('admin'), 'ok'],
    ['assessor', as('assessor'), 'ok'],
    ['approver (Steering Committee)', as('approver'), 'ok'],
    ['a reporter', as('reporter', 'A'), '403 forbidden'],
    ['a viewer', as('viewer'), '403 forbidden'],
  ] as const)('province page: %s', (_, user, code) => {
    expect(verdictCode(canReadProvince(user))).toBe(code);
  });

  it.each([
    ['assessor, any agency', as('assessor'), 'B', 'ok'],
    ['approver, any agency', as('approver'), 'B', 'ok'],
    ['reporter, own agency', as('reporter', 'A'), 'A', 'ok'],
    ['reporter, another agency', as('reporter', 'A'), 'B', '403 forbidden'],
    ['reporter without agency', as('reporter'), 'A', '403 forbidden'],
    ['a viewer', as('viewer'), 'A', '403 forbidden'],
  ] as const)('peer comparison: %s', (_, user, agency, code) => {
    expect(verdictCode(canReadAgencyComparison(user, agency))).toBe(code);
  });
});
