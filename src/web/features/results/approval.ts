/**
 * The Steering Committee's decision page as data: which decisions the role may take in the
 * cycle's state (the server checks again), the words that explain the state, and how far the
 * review has got.
 */
import type { CycleState, Role } from '../../api.ts';
import { m } from './messages.ts';
import type { ProgressBoard } from './resultsApi.ts';

/** The decision buttons: approve, then publish or return, and after publication reopen (revise). */
export function approvalActions(role: Role, state: CycleState) {
  const approver = role === 'approver';
  return {
    approve: approver && state === 'under_review',
    publish: approver && state === 'approved',
    returnForReview: approver && state === 'approved',
    // The administrator may reopen a published result for a correction, and only that.
    revise: (approver || role === 'admin') && state === 'published',
  };
}

/** What the cycle's state means for the decision, in a sentence. */
export function stateHelp(state: CycleState): string {
  switch (state) {
    case 'under_review':
      return m('approval.help.under_review');
    case 'approved':
      return m('approval.help.approved');
    case 'published':
      return m('approval.help.published');
    default:
      return m('approval.help.other');
  }
}

/** How far the review has got: reviewed agencies out of those that submitted, and what is still open. */
export function reviewCompleteness(board: Pick<ProgressBoard, 'agencies'>) {
  const submitted = board.agencies.filter((a) => a.reviewState !== 'not_submitted');
  const reviewed = submitted.filter((a) => a.reviewState === 'reviewed').length;
  return {
    submitted: submitted.length,
    reviewed,
    /** Submitted, not yet reviewed: listed with their state and open queries. */
    pending: submitted.filter((a) => a.reviewState !== 'reviewed'),
    missing: board.agencies.length - submitted.length,
    openQueries: submitted.reduce((s, a) => s + a.openQueries, 0),
    pendingClaims: submitted.reduce((s, a) => s + a.pendingClaims, 0),
    percent: submitted.length ? Math.round((reviewed / submitted.length) * 100) : 0,
  };
}
