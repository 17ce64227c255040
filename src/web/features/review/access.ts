/**
 * What a role may do on an agency's review page, from the cycle's state and whether the report
 * was submitted. The server decides again on every action (review.policy.ts); this only spares the
 * user buttons that would be refused.
 */
import type { Role } from '../../api.ts';
import { EDITABLE_STATES, QUERY_STATES, type ReviewPageData } from './reviewApi.ts';

export function reviewAccess(role: Role, data: Pick<ReviewPageData, 'cycle' | 'submission'>) {
  const staff = role === 'admin' || role === 'assessor';
  const submitted = data.submission?.status === 'submitted';
  const state = data.cycle.state;
  return {
    /** Admin and assessor work on the review; the others read it. */
    staff,
    submitted,
    /** Corrections, N/A decisions: cycle closed or under review, report submitted. */
    canEdit: staff && submitted && EDITABLE_STATES.includes(state),
    /** Queries and surveys: cycle open, closed or under review, report submitted. */
    canQuery: staff && submitted && QUERY_STATES.includes(state),
    /** Website checks: until the year's result is approved. */
    canCheckWebsite: staff && state !== 'approved' && state !== 'published',
  };
}
