/**
 * Who may do what with a cycle. `cyclesAccess` is the coarse role check every route declares
 * (checked before the body is read, listed in test/role-matrix.test.ts); the predicates below are
 * the whole rule, asked once at the top of each use case with the facts of the cycle: everyone
 * signed in reads cycles, viewers and reporters only once opened; the administrator sets a cycle
 * up while it is a draft, replaces its documents until it closes, and extends an open cycle's
 * deadline before it passes. State steps are the transition table's (cycle-states.ts), so the
 * route, the rule and the screen's list of steps cannot disagree.
 */
import { formatDate } from '../../../core/format.ts';
import type { CycleState, Role } from '../../db/schema.ts';
import type { SessionUser } from '../../platform/auth.ts';
import { forbidden, notFound, wrongState } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';
import { STATE_LABELS, type TransitionFacts, transitionRoles, transitionVerdict } from './cycle-states.ts';
import { DOCUMENT_TEXT, instantVn } from './cycle-texts.ts';
import type { DocumentKind } from './cycles.schema.ts';

export const cyclesAccess = {
  list: 'signed-in',
  get: 'signed-in',
  create: ['admin'],
  update: ['admin'],
  attachDocument: ['admin'],
  downloadDocument: 'signed-in',
  open: transitionRoles('draft', 'open'),
  close: transitionRoles('open', 'closed'),
  startReview: transitionRoles('closed', 'under_review'),
  extendDeadline: ['admin'],
} as const satisfies Record<string, Access>;

type User = Pick<SessionUser, 'role'>;

/** Roles that see a cycle only once it is opened. */
const AFTER_OPEN_ONLY: readonly Role[] = ['viewer', 'reporter'];

/** States in which the documents may still be (re)placed: before the deadline's consequences. */
const DOCUMENT_STATES: readonly CycleState[] = ['draft', 'open'];

/** Whether the reader sees cycles still in preparation (the department does). */
export const seesDrafts = (user: User): boolean => !AFTER_OPEN_ONLY.includes(user.role);

export const cycleNotFound = () => notFound({ vi: 'kỳ đánh giá', en: 'cycle' });

/** Reads a cycle: a draft is not there for viewers and reporters (404, as if it did not exist). */
export const canReadCycle = (user: User, cycle: { readonly state: CycleState }): Verdict =>
  cycle.state === 'draft' && !seesDrafts(user) ? cycleNotFound() : true;

/** Creates the cycle of a year. */
export const canCreateCycle = (user: User): Verdict => (user.role === 'admin' ? true : forbidden());

/** Edits the title, dates, criteria version and announcement: only while a draft. */
export function canEditCycle(user: User, cycle: { readonly state: CycleState }): Verdict {
  if (user.role !== 'admin') return forbidden();
  if (cycle.state !== 'draft')
    return wrongState(
      {
        vi: `Chỉ sửa được kỳ đánh giá khi còn ở trạng thái "Nháp" (hiện tại: "${STATE_LABELS[cycle.state].vi}").${
          cycle.state === 'open' ? ' Hạn nộp của kỳ đang mở chỉ thay đổi được bằng quyết định gia hạn.' : ''
        }`,
        en: `A cycle can be edited only while it is a draft (now: ${STATE_LABELS[cycle.state].en}).`,
      },
      { state: cycle.state },
    );
  return true;
}

/** Attaches or replaces the guidance document or the form: while the cycle is a draft or open. */
export function canAttachDocument(
  user: User,
  cycle: { readonly state: CycleState },
  kind: DocumentKind,
): Verdict {
  if (user.role !== 'admin') return forbidden();
  if (!DOCUMENT_STATES.includes(cycle.state))
    return wrongState(
      {
        vi: `Không thể thay ${DOCUMENT_TEXT[kind].vi} khi kỳ đánh giá đã ở trạng thái "${STATE_LABELS[cycle.state].vi}"`,
        en: `The ${DOCUMENT_TEXT[kind].en} cannot change once the cycle is ${STATE_LABELS[cycle.state].en}`,
      },
      { state: cycle.state },
    );
  return true;
}

/** Downloads a document: everyone once the cycle is open, the administrator always. */
export function canDownloadDocument(
  user: User,
  cycle: { readonly state: CycleState },
  kind: DocumentKind,
): Verdict {
  const read = canReadCycle(user, cycle);
  if (read !== true) return read;
  if (cycle.state === 'draft' && user.role !== 'admin')
    return forbidden({
      vi: `Chỉ tải được ${DOCUMENT_TEXT[kind].vi} khi kỳ đánh giá đã mở`,
      en: `The ${DOCUMENT_TEXT[kind].en} can be downloaded once the cycle is open`,
    });
  return true;
}

/** Moves the cycle to `to` now, as the transition table allows (close, start the review…). */
export const canMoveCycle = (user: User, cycle: TransitionFacts, to: CycleState, now: Date): Verdict =>
  transitionVerdict(cycle, to, user, { now });

/** What opening a cycle decides on besides the cycle: the roster it would freeze. */
export interface OpeningFacts {
  readonly cycle: TransitionFacts;
  /** The roster date, YYYY-MM-DD (the guidance date, Vietnam time). */
  readonly rosterDate: string;
  /** The registry's units valid on the roster date. */
  readonly units: readonly { readonly code: string; readonly groupId: string }[];
  /** The groups of the cycle's criteria version. */
  readonly groupIds: readonly string[];
}

/**
 * Opens a draft cycle (the table's step: guidance attached, deadline ahead), when its criteria
 * version has a group for every unit of the roster and the roster is not empty.
 */
export function canOpenCycle(user: User, facts: OpeningFacts, now: Date): Verdict {
  const step = canMoveCycle(user, facts.cycle, 'open', now);
  if (step !== true) return step;
  const stray = facts.units.filter((u) => !facts.groupIds.includes(u.groupId));
  if (stray.length)
    return wrongState({
      vi: `Bộ tiêu chí của kỳ không có nhóm của ${stray.length} cơ quan (${stray
        .slice(0, 5)
        .map((u) => `${u.code}: nhóm "${u.groupId}"`)
        .join(', ')}). Hãy chọn bộ tiêu chí phù hợp hoặc sửa danh sách cơ quan.`,
      en: `The cycle's criteria set has no group for ${stray.length} agencies`,
    });
  if (!facts.units.length)
    return wrongState({
      vi: `Không có cơ quan nào có hiệu lực vào ngày ${formatDate(facts.rosterDate)} (ngày chốt danh sách cơ quan của kỳ)`,
      en: `No agency is valid on the roster date ${facts.rosterDate}`,
    });
  return true;
}

/**
 * Moves the deadline of the whole cycle (there is no per-agency extension): the administrator,
 * only while the cycle is open and before the current deadline has passed.
 */
export function canExtendDeadline(
  user: User,
  cycle: { readonly state: CycleState; readonly deadline: Date },
  now: Date,
): Verdict {
  if (user.role !== 'admin') return forbidden();
  if (cycle.state !== 'open')
    return wrongState(
      {
        vi: `Chỉ gia hạn nộp được khi kỳ đánh giá đang nhận báo cáo (hiện tại: "${STATE_LABELS[cycle.state].vi}")`,
        en: `The deadline can be extended only while the cycle is open (now: ${STATE_LABELS[cycle.state].en})`,
      },
      { state: cycle.state },
    );
  if (now >= cycle.deadline)
    return wrongState(
      {
        vi: `Hạn nộp (trước ${instantVn(cycle.deadline)}) đã qua; không thể gia hạn sau khi hết hạn. Báo cáo nộp từ thời điểm đó là nộp muộn.`,
        en: `The deadline (${instantVn(cycle.deadline)}) has passed; it cannot be extended afterwards.`,
      },
      { state: cycle.state, deadline: cycle.deadline.toISOString() },
    );
  return true;
}
