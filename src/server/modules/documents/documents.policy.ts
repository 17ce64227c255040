/**
 * Who may download the official documents. `documentsAccess` is the coarse role check every route
 * declares (listed in test/role-matrix.test.ts); the predicates are the whole rule:
 *
 * - the annual report, the draft decision and the zip of all notices are the department's and the
 *   Steering Committee's working papers: administrators, assessors and approvers, once published;
 * - one agency's notice: those, and the agency's own reporter (the rest as its result page);
 * - the receipt PDF: whoever may read the receipt page (submissions' rule, asked by readReceipt).
 */
import type { Role } from '../../db/schema.ts';
import type { SessionUser } from '../../platform/auth.ts';
import { forbidden } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';
import { canReadResults, type ResultFacts } from '../results/results.policy.ts';
import { submissionsAccess } from '../submissions/submissions.policy.ts';

const STAFF = ['admin', 'assessor', 'approver'] as const satisfies readonly Role[];

export const documentsAccess = {
  official: STAFF,
  notices: STAFF,
  notice: [...STAFF, 'reporter'],
  receipt: submissionsAccess.read,
} as const satisfies Record<string, Access>;

type User = Pick<SessionUser, 'role' | 'agencyId'>;

/** The report, the decision, the zip of notices: the staff, of a published result. */
export function canDownloadOfficial(user: User, facts: ResultFacts): Verdict {
  if (!(STAFF as readonly Role[]).includes(user.role))
    return forbidden({
      vi: 'Chỉ Sở TT&TT và Ban Chỉ đạo được tải báo cáo, dự thảo quyết định và thông báo kết quả',
      en: 'Only the department and the Steering Committee may download the report, the draft decision and the notices',
    });
  return canReadResults(user, facts, false);
}

/** One agency's notice: the staff, or the agency's own reporter, of a published result. */
export function canDownloadNotice(user: User, agencyId: string, facts: ResultFacts): Verdict {
  if (user.role === 'reporter' && user.agencyId !== agencyId)
    return forbidden({
      vi: 'Đơn vị chỉ tải được thông báo kết quả của chính mình',
      en: 'An agency may only download its own result notice',
    });
  if (user.role !== 'reporter' && !(STAFF as readonly Role[]).includes(user.role)) return forbidden();
  return canReadResults(user, facts, false);
}
