/**
 * Who may use the website checks (R5). `websiteChecksAccess` is the coarse role check every route
 * declares (listed in test/role-matrix.test.ts); the predicates below are the whole rule, asked
 * once at the top of each use case: assessors (and the administrator) record and remove checks;
 * the approver reads them; a reporter reads its own agency's checks (transparency: it sees what
 * the department saw). A check counts for the cycles whose window holds its instant, so it is
 * neither added nor removed once the result of such a cycle is approved or published (R11).
 */
import { formatInstantVn } from '../../../core/calendar/time.ts';
import type { CycleState } from '../../db/schema.ts';
import type { SessionUser } from '../../platform/auth.ts';
import { forbidden, wrongState } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';

export const websiteChecksAccess = {
  list: ['admin', 'assessor', 'approver', 'reporter'],
  create: ['admin', 'assessor'],
  remove: ['admin', 'assessor'],
} as const satisfies Record<string, Access>;

type User = Pick<SessionUser, 'role' | 'agencyId'>;

/** A cycle a check counts for, as the freeze rule reads it. */
export interface CountingCycle {
  readonly year: number;
  readonly state: CycleState;
}

const staff = (user: User) => user.role === 'admin' || user.role === 'assessor';

/** Reads the checks of an agency: the department, the approver, and the agency's own reporters. */
export function canReadWebsiteChecks(user: User, agencyId: string): Verdict {
  if (user.role === 'reporter') return user.agencyId === agencyId ? true : forbidden();
  return staff(user) || user.role === 'approver' ? true : forbidden();
}

/** Records a check of an agency's website: the department only. */
export const canRecordWebsiteCheck = (user: User): Verdict => (staff(user) ? true : forbidden());

/** Removes a check: the department only, and only while no result it counts for is frozen. */
export function canRemoveWebsiteCheck(
  user: User,
  check: { readonly checkedAt: Date; readonly countsFor: readonly CountingCycle[] },
): Verdict {
  if (!staff(user)) return forbidden();
  return checksOpenFor(check.checkedAt, check.countsFor, 'remove');
}

/** The states in which a year's result no longer changes, as a sentence says them. */
const FROZEN: Partial<Record<CycleState, string>> = {
  approved: 'đã được phê duyệt',
  published: 'đã được công bố',
};

const CHANGES = { add: { vi: 'thêm', en: 'added' }, remove: { vi: 'xóa', en: 'removed' } } as const;

/**
 * Whether a check at `checkedAt` may still be added or removed: not when a cycle it counts for is
 * approved or published. Asked under the share lock of those cycles, so that neither can change
 * state meanwhile.
 */
export function checksOpenFor(
  checkedAt: Date,
  countsFor: readonly CountingCycle[],
  change: 'add' | 'remove',
): Verdict {
  const frozen = countsFor.find((c) => FROZEN[c.state] !== undefined);
  if (!frozen) return true;
  const at = formatInstantVn(checkedAt.getTime());
  const verb = CHANGES[change];
  return wrongState({
    vi: `Kết quả năm ${frozen.year} ${FROZEN[frozen.state]}: không thể ${verb.vi} kết quả kiểm tra trang TTĐT lúc ${at} của năm đó`,
    en: `The ${frozen.year} result is ${frozen.state}: a website check of ${at} can no longer be ${verb.en}`,
  });
}
