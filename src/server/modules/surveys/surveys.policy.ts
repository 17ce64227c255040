/**
 * Who may do what with the planned field surveys (issue 14 item 4; Điều 10.2, R17).
 * `surveysAccess` is the coarse role check every route declares (listed in
 * test/role-matrix.test.ts); the predicates below are the whole rule:
 *
 * - the department (administrator, assessors) plans a visit to an agency that has submitted, while
 *   surveys are possible (the cycle open, closed or under review: the review's rule), and records
 *   the findings on or after the visit's date; a plan done is the survey record, not changed again;
 * - the agency's reporters read their agency's plans and confirm the date, or ask for another with
 *   a reason, until the findings are recorded; the department replans by planning again;
 * - the department and the Steering Committee read every plan of the cycle.
 */
import { formatDate } from '../../../core/format.ts';
import type { SurveyPlanStatus } from '../../db/schema.ts';
import type { SessionUser } from '../../platform/auth.ts';
import { forbidden, wrongState } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';
import { canRecordSurvey, type ReviewFacts } from '../review/review.policy.ts';

export const surveysAccess = {
  list: ['admin', 'assessor', 'approver', 'reporter'],
  propose: ['admin', 'assessor'],
  plan: ['admin', 'assessor'],
  reply: ['reporter'],
  findings: ['admin', 'assessor'],
} as const satisfies Record<string, Access>;

type User = Pick<SessionUser, 'role' | 'agencyId'>;

const staff = (user: User) => user.role === 'admin' || user.role === 'assessor';

/** Reads plans: the department and the Steering Committee all, a reporter its own agency's. */
export function canReadPlans(user: User, agencyId: string | null): Verdict {
  if (staff(user) || user.role === 'approver') return true;
  if (user.role === 'reporter' && user.agencyId && (agencyId === null || agencyId === user.agencyId))
    return true;
  return forbidden({
    vi: 'Đơn vị chỉ xem được kế hoạch khảo sát của chính mình',
    en: 'An agency may only read its own survey plans',
  });
}

/** Plans a visit: as recording a survey (the department, the agency submitted, the cycle still in review). */
export const canPlanSurvey = (user: User, review: ReviewFacts): Verdict => canRecordSurvey(user, review);

/** The agency confirms the date or asks for another: its reporter, before the visit is recorded. */
export function canReplyToPlan(
  user: User,
  plan: { readonly agencyId: string; readonly status: SurveyPlanStatus },
): Verdict {
  if (user.role !== 'reporter' || user.agencyId !== plan.agencyId)
    return forbidden({
      vi: 'Chỉ cán bộ báo cáo của cơ quan được khảo sát xác nhận lịch khảo sát',
      en: "Only the surveyed agency's reporters confirm the visit",
    });
  if (plan.status === 'done')
    return wrongState({
      vi: 'Buổi khảo sát đã được ghi kết quả: không đổi lịch được nữa',
      en: 'The visit has been recorded: its date can no longer change',
    });
  return true;
}

/** Records the findings: the department, on or after the visit's date, once. */
export function canRecordFindings(
  user: User,
  review: ReviewFacts,
  plan: { readonly status: SurveyPlanStatus; readonly visitDate: string },
  today: string,
): Verdict {
  const may = canRecordSurvey(user, review);
  if (may !== true) return may;
  if (plan.status === 'done')
    return wrongState({
      vi: 'Kết quả buổi khảo sát này đã được ghi',
      en: 'This visit has already been recorded',
    });
  if (plan.visitDate > today)
    return wrongState({
      vi: `Chưa tới ngày khảo sát (${formatDate(plan.visitDate)}): chỉ ghi kết quả từ ngày khảo sát`,
      en: 'The visit date has not come yet: findings are recorded from that day on',
    });
  return true;
}
