/**
 * The life of a cycle, in one place: which state may follow which, who may move it, what must
 * hold first, and the Vietnamese explanation when it may not (R8, R9, R10).
 *
 *   draft ──open──▶ open ──close──▶ closed ──review──▶ under_review ──▶ (approved, published: results module)
 *
 * The table is data: a later step is one more entry in CYCLE_TRANSITIONS. `transitionCycle` is
 * the only way a state changes: it checks the table, bumps `version` and writes the audit row
 * (old state, new state) in the caller's transaction.
 */
import type { Text } from '../../../core/types.ts';
import type { Executor } from '../../db/open.ts';
import type { CycleState, Role } from '../../db/schema.ts';
import { type Actor, audit } from '../../platform/audit.ts';
import type { SessionUser } from '../../platform/auth.ts';
import { forbidden, stale, wrongState } from '../../platform/errors.ts';
import { authorize, type Verdict } from '../../platform/policy.ts';
import { instantVn, submitUntil } from './cycle-texts.ts';
import { type CycleRow, findCycle, updateCycle } from './cycles.repo.ts';

export const STATE_LABELS: Readonly<Record<CycleState, Text>> = {
  draft: { vi: 'Nháp', en: 'Draft' },
  open: { vi: 'Đang nhận báo cáo', en: 'Open' },
  closed: { vi: 'Đã hết hạn nộp', en: 'Closed' },
  under_review: { vi: 'Đang thẩm định', en: 'Under review' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
  published: { vi: 'Đã công bố', en: 'Published' },
};

export const ROLE_LABELS: Readonly<Record<Role, Text>> = {
  admin: { vi: 'Quản trị', en: 'administrator' },
  assessor: { vi: 'Thẩm định', en: 'assessor' },
  approver: { vi: 'Phê duyệt', en: 'approver' },
  reporter: { vi: 'Đơn vị', en: 'agency reporter' },
  viewer: { vi: 'Xem', en: 'viewer' },
};

/** What a precondition may read besides the cycle row; `now` is the server's clock (deps.clock). */
export interface TransitionContext {
  readonly now?: Date | undefined;
}

/** What the table decides on: the cycle's state and the facts its preconditions read. */
export type TransitionFacts = Pick<CycleRow, 'state' | 'guidanceFileId' | 'deadline'>;

/** Why the cycle cannot make the step now, or null when it can. */
export type Precondition = (cycle: TransitionFacts, context: TransitionContext) => Text | null;

export interface CycleTransition {
  readonly from: CycleState;
  readonly to: CycleState;
  readonly roles: readonly Role[];
  /** The step in words, after "được …": "mở kỳ đánh giá". */
  readonly action: Text;
  readonly requires: readonly Precondition[];
}

function clockOf(context: TransitionContext): Date {
  if (!context.now) throw new Error('this cycle transition checks the time: pass { now: deps.clock.now() }');
  return context.now;
}

/** The guidance document (R8) is attached. */
export const guidanceAttached: Precondition = (c) =>
  c.guidanceFileId
    ? null
    : {
        vi: 'Chưa đính kèm văn bản hướng dẫn. Hãy tải lên văn bản hướng dẫn trước khi mở kỳ đánh giá.',
        en: 'The guidance document is not attached. Upload it before opening the cycle.',
      };

/** Opening a cycle whose deadline has passed would make every report late. */
export const deadlineAhead: Precondition = (c, context) =>
  clockOf(context) < c.deadline
    ? null
    : {
        vi: `Hạn nộp (trước ${instantVn(c.deadline)}) đã qua. Hãy sửa hạn nộp trước khi mở kỳ đánh giá.`,
        en: `The deadline (${instantVn(c.deadline)}) has passed. Change it before opening the cycle.`,
      };

/** Reports are accepted until the deadline (R9): closing earlier would cut agencies off. */
export const deadlinePassed: Precondition = (c, context) => {
  if (clockOf(context) >= c.deadline) return null;
  const until = submitUntil(c.deadline);
  return {
    vi: `Chưa hết hạn nộp: các cơ quan vẫn được nộp báo cáo ${until.vi} (hạn nộp: trước ${instantVn(c.deadline)}). Chỉ đóng kỳ được từ thời điểm đó.`,
    en: `The deadline has not passed: agencies may still submit ${until.en} (deadline: before ${instantVn(c.deadline)}).`,
  };
};

export const CYCLE_TRANSITIONS: readonly CycleTransition[] = [
  {
    from: 'draft',
    to: 'open',
    roles: ['admin'],
    action: { vi: 'mở kỳ đánh giá', en: 'open the cycle' },
    requires: [guidanceAttached, deadlineAhead],
  },
  {
    from: 'open',
    to: 'closed',
    roles: ['admin'],
    action: { vi: 'đóng kỳ nhận báo cáo', en: 'close the cycle' },
    requires: [deadlinePassed],
  },
  {
    from: 'closed',
    to: 'under_review',
    roles: ['admin', 'assessor'],
    action: { vi: 'bắt đầu thẩm định', en: 'start the review' },
    requires: [],
  },
  // Approval and publication (results module, R10, R11).
  {
    from: 'under_review',
    to: 'approved',
    roles: ['approver'],
    action: { vi: 'phê duyệt kết quả', en: 'approve the result' },
    requires: [],
  },
  {
    from: 'approved',
    to: 'under_review',
    roles: ['approver'],
    action: { vi: 'trả lại kết quả để thẩm định lại', en: 'return the result for review' },
    requires: [],
  },
  {
    from: 'approved',
    to: 'published',
    roles: ['approver'],
    action: { vi: 'công bố kết quả', en: 'publish the result' },
    requires: [],
  },
  {
    from: 'published',
    to: 'under_review',
    roles: ['approver', 'admin'],
    action: {
      vi: 'mở lại kết quả đã công bố để điều chỉnh',
      en: 'reopen a published result for a correction',
    },
    requires: [],
  },
];

export const findTransition = (from: CycleState, to: CycleState): CycleTransition | undefined =>
  CYCLE_TRANSITIONS.find((t) => t.from === from && t.to === to);

/** The roles that may move a cycle from one state to another (for a route's access). */
export function transitionRoles(from: CycleState, to: CycleState): readonly Role[] {
  const t = findTransition(from, to);
  if (!t) throw new Error(`no cycle transition ${from} → ${to}`);
  return t.roles;
}

const roleList = (roles: readonly Role[], lang: 'vi' | 'en') =>
  roles.map((r) => ROLE_LABELS[r][lang] ?? ROLE_LABELS[r].vi).join(', ');

/**
 * Whether `user` may move `cycle` to `to` now: the step exists from the current state (else 409
 * invalid_state), the role may make it (else 403), its preconditions hold (else 409 with the
 * reasons). Pure: the policies of the modules that move a cycle ask it (cycles.policy.ts, results).
 */
export function transitionVerdict(
  cycle: TransitionFacts,
  to: CycleState,
  user: Pick<SessionUser, 'role'>,
  context: TransitionContext = {},
): Verdict {
  const t = findTransition(cycle.state, to);
  if (!t)
    return wrongState(
      {
        vi: `Kỳ đánh giá đang ở trạng thái "${STATE_LABELS[cycle.state].vi}", không thể chuyển sang "${STATE_LABELS[to].vi}".`,
        en: `The cycle is "${STATE_LABELS[cycle.state].en}"; it cannot become "${STATE_LABELS[to].en}".`,
      },
      { state: cycle.state },
    );
  if (!t.roles.includes(user.role))
    return forbidden({
      vi: `Chỉ người có vai trò ${roleList(t.roles, 'vi')} mới được ${t.action.vi}.`,
      en: `Only the ${roleList(t.roles, 'en')} may ${t.action.en}.`,
    });
  const reasons = t.requires.map((p) => p(cycle, context)).filter((r): r is Text => r !== null);
  if (reasons.length)
    return wrongState(reasons[0]!, { state: cycle.state, reasons: reasons.map((r) => r.vi) });
  return true;
}

/** Throws the refusal of `transitionVerdict`; returns the step when it is allowed. */
export function assertTransition(
  cycle: TransitionFacts,
  to: CycleState,
  user: Pick<SessionUser, 'role'>,
  context: TransitionContext = {},
): CycleTransition {
  authorize(transitionVerdict(cycle, to, user, context));
  return findTransition(cycle.state, to)!;
}

/** The steps the user could take from the cycle's state, each with the reason it is not possible yet. */
export function availableTransitions(cycle: TransitionFacts, user: Pick<SessionUser, 'role'>, now: Date) {
  return CYCLE_TRANSITIONS.filter((t) => t.from === cycle.state && t.roles.includes(user.role)).map((t) => {
    const reason = t.requires.map((p) => p(cycle, { now })).find((r) => r !== null) ?? null;
    return { to: t.to, action: t.action, allowed: reason === null, reason };
  });
}

/**
 * Moves a cycle the caller read (and locked) in `tx` to the state `to`: checks the table with
 * the actor's role, sets `to` with `patch` (openedAt, closedAt …), bumps `version`, writes the
 * audit row. Answers 409 stale when another change came first.
 */
export async function transitionCycle(
  tx: Executor,
  actor: Actor,
  cycle: CycleRow,
  to: CycleState,
  now: Date,
  patch: Partial<
    Pick<CycleRow, 'openedAt' | 'closedAt' | 'approvedAt' | 'approvedBy' | 'approvalNote' | 'publishedAt'>
  > = {},
  reason?: string,
): Promise<CycleRow> {
  if (!actor.user) throw forbidden();
  assertTransition(cycle, to, actor.user, { now });
  const updated = await updateCycle(tx, cycle.id, cycle.version, { ...patch, state: to, updatedAt: now });
  if (!updated) throw stale(await findCycle(tx, cycle.id));
  await audit(tx, actor, now, {
    action: 'cycle.transition',
    entityType: 'cycle',
    entityId: cycle.id,
    cycleId: cycle.id,
    field: 'state',
    oldValue: cycle.state,
    newValue: to,
    reason: reason ?? null,
  });
  return updated;
}
