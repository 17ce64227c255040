/**
 * Where the department stands with one agency of a cycle (R10, R18), derived from the data so that
 * the review list and the progress board always agree:
 *
 * - not_submitted: no submitted form (not started, or still a draft);
 * - to_review:     submitted, and the department has done nothing yet (no unclosed query, no N/A
 *                  claim decided, no correction, no reviewer mark);
 * - in_review:     work has started but is not finished: a query is open or answered and not closed,
 *                  an N/A claim awaits a decision, or the reviewer mark is not set yet;
 * - reviewed:      no unclosed query, no pending N/A claim, and the reviewer mark is set.
 */
import type { AgencyRecord } from '../scoring/cycle-data.ts';

export const REVIEW_STATUSES = ['not_submitted', 'to_review', 'in_review', 'reviewed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, { vi: string; en: string }> = {
  not_submitted: { vi: 'Chưa nộp phiếu', en: 'Not submitted' },
  to_review: { vi: 'Chờ thẩm định', en: 'To review' },
  in_review: { vi: 'Đang thẩm định', en: 'In review' },
  reviewed: { vi: 'Đã thẩm định', en: 'Reviewed' },
};

/** N/A claims of the agency still waiting for the department's decision. */
export const pendingClaims = (record: Pick<AgencyRecord, 'claims'>): number =>
  record.claims.filter((c) => c.status === 'claimed').length;

/** Whether a reviewer mark (a field of source `reviewer`, e.g. the data-quality points) is set. */
export const hasReviewerMark = (record: Pick<AgencyRecord, 'reviewValues'>): boolean =>
  [...record.reviewValues.values()].some(
    (v) => v.kind === 'reviewer' && v.newValue !== null && v.newValue !== undefined,
  );

/**
 * The review status of an agency. `openQueries` counts its queries that are not closed (open, or
 * answered by the agency and waiting for the assessor).
 */
export function reviewStatus(
  record: Pick<AgencyRecord, 'submission' | 'claims' | 'reviewValues'>,
  openQueries: number,
): ReviewStatus {
  if (record.submission?.status !== 'submitted') return 'not_submitted';
  const pending = pendingClaims(record);
  if (openQueries === 0 && pending === 0 && hasReviewerMark(record)) return 'reviewed';
  const decided = record.claims.some((c) => c.status !== 'claimed');
  if (openQueries === 0 && !decided && record.reviewValues.size === 0) return 'to_review';
  return 'in_review';
}
