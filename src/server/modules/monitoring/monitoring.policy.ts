/**
 * Who may do what with the website monitoring. `monitoringAccess` is the coarse role check every
 * route declares (listed in test/role-matrix.test.ts); the predicates are the whole rule, asked
 * once at the top of each use case: the department and the approver read every agency's results,
 * a reporter its own agency's (so that it can fix its portal during the year); the administrator
 * sets the sites; the department asks for a content check and confirms snapshots.
 */
import type { SessionUser } from '../../platform/auth.ts';
import { forbidden, wrongState } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';
import type { SnapshotState } from './monitoring.schema.ts';

export const monitoringAccess = {
  sites: ['admin', 'assessor', 'approver', 'reporter'],
  setSite: ['admin'],
  requestCheck: ['admin', 'assessor'],
  agencyView: ['admin', 'assessor', 'approver', 'reporter'],
  snapshot: ['admin', 'assessor', 'approver', 'reporter'],
  confirm: ['admin', 'assessor'],
  overview: ['admin', 'assessor', 'approver'],
  schedules: ['admin', 'assessor'],
  setSchedules: ['admin'],
} as const satisfies Record<string, Access>;

type User = Pick<SessionUser, 'role' | 'agencyId'>;

const staff = (user: User) => user.role === 'admin' || user.role === 'assessor';

/** Reads an agency's sites, results, snapshots and stored pages: a reporter only its own agency's. */
export function canReadMonitoring(user: User, agencyId: string): Verdict {
  if (user.role === 'reporter')
    return user.agencyId === agencyId
      ? true
      : forbidden({
          vi: 'Bạn chỉ xem được kết quả theo dõi trang TTĐT của cơ quan mình',
          en: "You may only see your own agency's website monitoring",
        });
  return staff(user) || user.role === 'approver' ? true : forbidden();
}

/** Sets or ends an agency's monitored site: the administrator (as the rest of the registry). */
export const canSetSite = (user: Pick<User, 'role'>): Verdict => (user.role === 'admin' ? true : forbidden());

/** Asks for a content check now: the department, for an agency that has a portal to check. */
export function canRequestContentCheck(user: User, hasPortal: boolean): Verdict {
  if (!staff(user)) return forbidden();
  return hasPortal
    ? true
    : wrongState({
        vi: 'Cơ quan chưa có địa chỉ trang TTĐT để kiểm tra: quản trị nhập địa chỉ trước',
        en: 'The agency has no portal address to check: the administrator sets it first',
      });
}

/** Confirms a snapshot into a website check: the department, once, and only a proposed one. */
export function canConfirmSnapshot(user: User, state: SnapshotState): Verdict {
  if (!staff(user)) return forbidden();
  if (state === 'confirmed')
    return wrongState({
      vi: 'Ảnh chụp trang này đã được xác nhận',
      en: 'This snapshot is already confirmed',
    });
  if (state === 'failed')
    return wrongState({
      vi: 'Lần kiểm tra này không lấy được trang nên không có gì để xác nhận: hãy ghi kết quả kiểm tra thủ công',
      en: 'This check could not fetch the site, so there is nothing to confirm: record a manual check',
    });
  return true;
}

/** The overview of every site: the department and the approver. */
export const canReadOverview = (user: User): Verdict =>
  staff(user) || user.role === 'approver' ? true : forbidden();

/** Reads when the checks run: the department (the assessor plans confirmations by it). */
export const canReadSchedules = (user: User): Verdict => (staff(user) ? true : forbidden());

/** Changes when the checks run: the administrator. */
export const canChangeSchedules = (user: Pick<User, 'role'>): Verdict =>
  user.role === 'admin' ? true : forbidden();
