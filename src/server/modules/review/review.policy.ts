/**
 * Who may do what in the review (R10, R12, R16, R17). `reviewAccess` is the coarse role check every
 * route declares (checked before the body is read, listed in test/role-matrix.test.ts); the
 * predicates below are the whole rule, asked once at the top of each use case with the facts of
 * the cycle, the agency's submission or the query:
 *
 * - assessors (and the administrator) verify; the approver reads the review once the cycle is
 *   submitted for approval (under review, approved, published);
 * - queries and field surveys are for an agency that has submitted, while the cycle is open,
 *   closed or under review; a reporter reads and answers only its own agency's queries, and
 *   nobody writes on a closed query;
 * - N/A decisions and corrections change the official result: only while the cycle is closed or
 *   under review and the agency has submitted (asked again under the cycle's share lock).
 */
import type { Text } from '../../../core/types.ts';
import type { CycleState } from '../../db/schema.ts';
import type { SessionUser } from '../../platform/auth.ts';
import { forbidden, wrongState } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';
import { cycleStateSentence } from '../cycles/cycle-texts.ts';

const READ = ['admin', 'assessor', 'approver'] as const;
const WORK = ['admin', 'assessor'] as const;

export const reviewAccess = {
  list: READ,
  page: READ,
  downloadEvidence: READ,
  openQuery: WORK,
  postMessage: ['admin', 'assessor', 'reporter'],
  closeQuery: WORK,
  agencyQueries: ['admin', 'assessor', 'reporter'],
  createSurvey: WORK,
  addSurveyEvidence: WORK,
  decideClaim: WORK,
  correct: WORK,
} as const satisfies Record<string, Access>;

/** The cycle states in which the approver reads the review. */
export const APPROVER_READS: readonly CycleState[] = ['under_review', 'approved', 'published'];
/** The cycle states in which queries and surveys are possible. */
export const QUERY_STATES: readonly CycleState[] = ['open', 'closed', 'under_review'];
/** The cycle states in which the department may change the official data. */
export const EDIT_STATES: readonly CycleState[] = ['closed', 'under_review'];

type User = Pick<SessionUser, 'role' | 'agencyId'>;

export interface CycleFacts {
  readonly year: number;
  readonly state: CycleState;
}

/** What the rules on one agency's review look at. */
export interface ReviewFacts {
  readonly cycle: CycleFacts;
  /** The agency's form, or null before its first save. */
  readonly submission: { readonly status: 'draft' | 'submitted' } | null;
}

/** What the rules on one query look at. */
export interface QueryFacts {
  readonly agencyId: string;
  readonly cycle: CycleFacts;
  readonly status: 'open' | 'answered' | 'closed';
}

const staff = (user: User) => user.role === 'admin' || user.role === 'assessor';

/** Reads the review list, one agency's review page and its evidence. */
export function canReadReview(user: User, cycle: CycleFacts): Verdict {
  if (staff(user)) return true;
  if (user.role !== 'approver') return forbidden();
  if (APPROVER_READS.includes(cycle.state)) return true;
  const is = cycleStateSentence(cycle);
  return forbidden({
    vi: `${is.vi}: người phê duyệt xem kết quả thẩm định khi kỳ đã được trình phê duyệt`,
    en: `${is.en}: the approver reads the review once the cycle is submitted for approval`,
  });
}

/** 409 unless queries and surveys are possible: the cycle open, closed or under review, the agency submitted. */
function queryable(review: ReviewFacts, what: Text): Verdict {
  const { cycle } = review;
  if (!QUERY_STATES.includes(cycle.state)) {
    const is = cycleStateSentence(cycle);
    return wrongState({
      vi: `${is.vi}: không thể ${what.vi} nữa`,
      en: `${is.en}: cannot ${what.en ?? what.vi} any more`,
    });
  }
  if (review.submission?.status !== 'submitted')
    return wrongState({
      vi: `Cơ quan chưa nộp phiếu báo cáo: chỉ ${what.vi} sau khi cơ quan đã nộp`,
      en: `The agency has not submitted its report: ${what.en ?? what.vi} only after it has`,
    });
  return true;
}

/** 409 unless the department may change official data: the cycle closed or under review, the agency submitted. */
function editable(review: ReviewFacts, what: Text): Verdict {
  const { cycle } = review;
  if (!EDIT_STATES.includes(cycle.state)) {
    const is = cycleStateSentence(cycle);
    const frozen = cycle.state === 'approved' || cycle.state === 'published';
    return wrongState({
      vi: `${is.vi}: chỉ ${what.vi} khi kỳ đã hết hạn nhận báo cáo hoặc đang trình phê duyệt${frozen ? '; số liệu của kỳ đã phê duyệt, công bố không được sửa' : ''}`,
      en: `${is.en}: ${what.en ?? what.vi} only while the cycle is closed or under review`,
    });
  }
  if (review.submission?.status !== 'submitted')
    return wrongState({
      vi: `Cơ quan chưa nộp phiếu báo cáo: chưa thể ${what.vi}`,
      en: `The agency has not submitted its report: cannot ${what.en ?? what.vi} yet`,
    });
  return true;
}

/** The department asks the agency a question (R10). */
export const canRaiseQuery = (user: User, review: ReviewFacts): Verdict =>
  staff(user)
    ? queryable(review, { vi: 'gửi câu hỏi cho cơ quan', en: 'send a query to the agency' })
    : forbidden();

/** The department records a field survey (R17). */
export const canRecordSurvey = (user: User, review: ReviewFacts): Verdict =>
  staff(user)
    ? queryable(review, { vi: 'ghi biên bản khảo sát thực tế', en: 'record a field survey' })
    : forbidden();

/** The department attaches a file to a field survey (R17). */
export const canAddSurveyEvidence = (user: User, review: ReviewFacts): Verdict =>
  staff(user)
    ? queryable(review, { vi: 'thêm minh chứng khảo sát', en: 'add survey evidence' })
    : forbidden();

/** The department confirms or rejects a "not applicable" claim (R4). */
export const canDecideClaim = (user: User, review: ReviewFacts): Verdict =>
  staff(user)
    ? editable(review, {
        vi: 'quyết định về đề nghị "không áp dụng"',
        en: 'decide on a "not applicable" claim',
      })
    : forbidden();

/** The department corrects a value or sets a reviewer mark (R16, R17). */
export const canCorrectValue = (user: User, review: ReviewFacts): Verdict =>
  staff(user) ? editable(review, { vi: 'điều chỉnh số liệu', en: 'correct values' }) : forbidden();

/** Reads the queries of an agency: the department, and the agency's own reporters. */
export function canReadQueries(user: User, agencyId: string): Verdict {
  if (user.role === 'reporter') return user.agencyId === agencyId ? true : forbidden();
  return staff(user) ? true : forbidden();
}

/**
 * Writes on a query: the agency's own reporters answer, the department asks more; while the cycle
 * is open, closed or under review, and never on a closed query.
 */
export function canWriteOnQuery(user: User, query: QueryFacts): Verdict {
  if (user.role === 'reporter' ? user.agencyId !== query.agencyId : !staff(user)) return forbidden();
  if (!QUERY_STATES.includes(query.cycle.state)) {
    const is = cycleStateSentence(query.cycle);
    return wrongState({
      vi: `${is.vi}: không thể trao đổi về câu hỏi này nữa`,
      en: `${is.en}: cannot write on this query any more`,
    });
  }
  if (query.status === 'closed')
    return wrongState({
      vi: 'Câu hỏi đã được Sở TT&TT đóng: không thể trao đổi thêm',
      en: 'The query is closed: no more messages',
    });
  return true;
}

/** Closes a query: the department, once (whatever the cycle's state: closing changes no result). */
export function canCloseQuery(user: User, query: QueryFacts): Verdict {
  if (!staff(user)) return forbidden();
  if (query.status === 'closed')
    return wrongState({ vi: 'Câu hỏi đã được đóng trước đó', en: 'The query is already closed' });
  return true;
}
