/**
 * Who may decide on and read the results. `resultsAccess` is the coarse role check every route
 * declares (checked before the body is read, listed in test/role-matrix.test.ts); the predicates
 * below are the whole rule, asked once at the top of each use case with the facts it loaded:
 *
 * - the Steering Committee (approver) approves a cycle under review once its review is complete
 *   (completeness.ts), returns an approved result to the assessors, and publishes an approved
 *   result; a correction reopens a published result (approver or administrator). Which state may
 *   follow which, and who may make the step, is the cycle's table (cycles/cycle-states.ts);
 * - every signed-in role reads published results, a reporter only its own agency's page; the
 *   department's staff and the Steering Committee may preview the live ranking of a cycle under
 *   review or approved; the downloads are for those who use the results (Sở Nội vụ as viewer) and
 *   the department, not for the agencies, who read the ranking on screen.
 */
import type { CycleState, Role } from '../../db/schema.ts';
import type { SessionUser } from '../../platform/auth.ts';
import { AppError, forbidden, wrongState } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';
import { STATE_LABELS, type TransitionFacts, transitionVerdict } from '../cycles/cycle-states.ts';
import type { Incomplete } from './completeness.ts';

export const resultsAccess = {
  approve: ['approver'],
  returnForReview: ['approver'],
  publish: ['approver'],
  revise: ['approver', 'admin'],
  read: 'signed-in',
  export: ['viewer', 'admin', 'approver', 'assessor'],
} as const satisfies Record<string, Access>;

/** Roles that may see the live (unpublished) official ranking of a cycle under review or approved. */
const PREVIEW_ROLES: readonly Role[] = ['admin', 'assessor', 'approver'];
/** The states whose live official ranking the staff may preview. */
const PREVIEW_STATES: readonly CycleState[] = ['under_review', 'approved'];

type User = Pick<SessionUser, 'role' | 'agencyId'>;

/** What the rules look at of a cycle: its year and state, and what the cycle table's steps read. */
export interface CycleFacts extends TransitionFacts {
  readonly year: number;
}

/** What reading a cycle's result decides on. */
export interface ResultFacts {
  readonly cycle: CycleFacts;
  /** At least one revision has been published (it stays readable while a correction is under way). */
  readonly published: boolean;
  /**
   * The agencies' appeal period runs now (the cycle approved, working days after the approval
   * not over: appeals/appeal-context.ts). Unknown (absent) counts as not running.
   */
  readonly appealWindowOpen?: boolean;
}

/* ───────────────────────── decisions ───────────────────────── */

/**
 * The cycle's own table (cycles/cycle-states.ts) as a verdict: the step to `to` exists from the
 * cycle's state (else 409) and the user's role may make it (else 403), in the table's words.
 */
function cycleStep(user: User, cycle: CycleFacts, to: CycleState): Verdict {
  return transitionVerdict(cycle, to, user);
}

/** The agencies that submitted on time and are not fully reviewed, named (five at most). */
function notFullyReviewed(incomplete: readonly Incomplete[]): AppError {
  const shown = incomplete.slice(0, 5);
  const more = incomplete.length - shown.length;
  return wrongState(
    {
      vi: `Chưa phê duyệt được: ${incomplete.length} cơ quan nộp đúng hạn chưa thẩm định xong — ${shown
        .map((a) => `${a.name} (${a.missing.vi})`)
        .join('; ')}${more > 0 ? `; và ${more} cơ quan khác` : ''}.`,
      en: `Cannot approve yet: ${incomplete.length} agencies that submitted on time are not fully reviewed — ${shown
        .map((a) => `${a.code} (${a.missing.en})`)
        .join('; ')}${more > 0 ? `; and ${more} more` : ''}.`,
    },
    { incomplete },
  );
}

/**
 * Approves the official result (R10): a cycle under review, and every agency that submitted on
 * time fully reviewed (`incompleteAgencies`), so that the approved result can be recomputed.
 */
export function canApprove(
  user: User,
  facts: { readonly cycle: CycleFacts; readonly incomplete: readonly Incomplete[] },
): Verdict {
  const step = cycleStep(user, facts.cycle, 'approved');
  if (step !== true) return step;
  return facts.incomplete.length ? notFullyReviewed(facts.incomplete) : true;
}

/** Sends an approved result back to the assessors (not a published one: that is a correction). */
export function canReturnForReview(user: User, cycle: CycleFacts): Verdict {
  if (cycle.state !== 'approved')
    return wrongState(
      {
        vi: `Chỉ trả lại được kết quả đã phê duyệt; kỳ đánh giá năm ${cycle.year} đang ở trạng thái "${STATE_LABELS[cycle.state].vi}".`,
        en: `Only an approved result can be returned for review; the ${cycle.year} cycle is "${STATE_LABELS[cycle.state].en}".`,
      },
      { state: cycle.state },
    );
  return cycleStep(user, cycle, 'under_review');
}

/** Publishes an approved result (R11); the reason a second publication needs is an input check. */
export const canPublish = (user: User, cycle: CycleFacts): Verdict => cycleStep(user, cycle, 'published');

/** Reopens a published result for a correction (R11): a published cycle only. */
export function canRevise(user: User, cycle: CycleFacts): Verdict {
  if (cycle.state !== 'published')
    return wrongState(
      {
        vi: `Chỉ mở lại để điều chỉnh được kết quả đã công bố; kỳ đánh giá năm ${cycle.year} đang ở trạng thái "${STATE_LABELS[cycle.state].vi}".`,
        en: `Only a published result can be reopened for a correction; the ${cycle.year} cycle is "${STATE_LABELS[cycle.state].en}".`,
      },
      { state: cycle.state },
    );
  return cycleStep(user, cycle, 'under_review');
}

/* ───────────────────────── reading ───────────────────────── */

const isStaff = (user: User) => PREVIEW_ROLES.includes(user.role);

/** Nothing of the cycle is published yet: to the reader, there is no result (404). */
const notPublished = (cycle: CycleFacts) =>
  new AppError(404, 'not_found', {
    vi: `Kết quả của kỳ đánh giá năm ${cycle.year} chưa được công bố`,
    en: `The results of the ${cycle.year} cycle have not been published`,
  });

/**
 * Reads a cycle's result (R7, R20): a published revision, by anyone signed in; or, asking for a
 * preview, the live ranking of a cycle under review or approved, by the staff only.
 */
export function canReadResults(user: User, facts: ResultFacts, preview: boolean): Verdict {
  if (!preview) return facts.published ? true : notPublished(facts.cycle);
  if (!isStaff(user))
    return forbidden({
      vi: 'Chỉ Sở TT&TT và Ban Chỉ đạo được xem trước kết quả chưa công bố',
      en: 'Only the department and the Steering Committee may preview unpublished results',
    });
  if (!PREVIEW_STATES.includes(facts.cycle.state))
    return wrongState(
      {
        vi: `Chỉ xem trước được kết quả của kỳ đang thẩm định hoặc đã phê duyệt (kỳ này: "${STATE_LABELS[facts.cycle.state].vi}")`,
        en: `Only a cycle under review or approved can be previewed (this one: "${STATE_LABELS[facts.cycle.state].en}")`,
      },
      { state: facts.cycle.state },
    );
  return true;
}

/**
 * Reads one agency's page (R19): as the result itself, and a reporter only its own agency's. While
 * the appeal period of an approved cycle runs, a reporter also previews its own agency's provisional
 * result: that is what it may contest (issue 12, item 3); never another agency's, nor the ranking.
 */
export function canReadAgencyResult(
  user: User,
  agencyId: string,
  facts: ResultFacts,
  preview: boolean,
): Verdict {
  if (user.role === 'reporter' && user.agencyId !== agencyId)
    return forbidden({
      vi: 'Đơn vị chỉ xem được kết quả của chính mình',
      en: 'An agency may only read its own results',
    });
  if (user.role === 'reporter' && preview && facts.cycle.state === 'approved')
    return facts.appealWindowOpen
      ? true
      : wrongState({
          vi: `Kết quả tạm thời của kỳ đánh giá năm ${facts.cycle.year} chỉ được xem trong thời hạn kiến nghị; kết quả chính thức sẽ có khi công bố`,
          en: `The provisional ${facts.cycle.year} result can be read only during the appeal period; the final result comes with publication`,
        });
  return canReadResults(user, facts, preview);
}

/** Lists the published revisions (R11): the staff see an empty list, others a result not published. */
export const canListRevisions = (user: User, facts: ResultFacts): Verdict =>
  facts.published || isStaff(user) ? true : notPublished(facts.cycle);

/** Downloads a published revision (R15, R20): the department, the approvers and the viewers. */
export function canExportResults(user: User, facts: ResultFacts): Verdict {
  if (!(resultsAccess.export as readonly Role[]).includes(user.role)) return forbidden();
  return facts.published ? true : notPublished(facts.cycle);
}
