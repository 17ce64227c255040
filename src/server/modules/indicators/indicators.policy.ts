/**
 * Who reads the province's indicators (issue 14, items 1–2):
 *
 * - the province page (every agency's figures, the agencies below a threshold) is for the
 *   department (administrator, assessors) and the Steering Committee (approvers);
 * - an agency's comparison with its peers: the same people for any agency, and an agency's
 *   reporters for their own agency only. It names no other agency: the group's median and best
 *   are values only, as the published ranking already makes totals public but not the figures
 *   behind them.
 */
import type { SessionUser } from '../../platform/auth.ts';
import { forbidden } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';

export const indicatorsAccess = {
  province: ['admin', 'assessor', 'approver'],
  agency: ['admin', 'assessor', 'approver', 'reporter'],
} as const satisfies Record<string, Access>;

type User = Pick<SessionUser, 'role' | 'agencyId'>;

const department = (user: User) =>
  user.role === 'admin' || user.role === 'assessor' || user.role === 'approver';

/** The province page: the department and the Steering Committee. */
export function canReadProvince(user: User): Verdict {
  if (department(user)) return true;
  return forbidden({
    vi: 'Chỉ Sở TT&TT và Ban Chỉ đạo xem được tình hình toàn tỉnh',
    en: 'Only the department and the Steering Committee read the province picture',
  });
}

/** An agency's comparison with its peers: the department, or the agency's own reporters. */
export function canReadAgencyComparison(user: User, agencyId: string): Verdict {
  if (department(user)) return true;
  if (user.role === 'reporter' && user.agencyId === agencyId) return true;
  return forbidden({
    vi: 'Đơn vị chỉ xem được so sánh của chính mình',
    en: 'An agency may only read its own comparison',
  });
}
