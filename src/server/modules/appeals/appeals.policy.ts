/**
 * Who may do what with the appeals (issue 12, item 3). `appealsAccess` is the coarse role check
 * every route declares (listed in test/role-matrix.test.ts); the predicates below are the whole
 * rule, asked once at the top of each use case with the facts it loaded:
 *
 * - an agency's reporters file appeals on their own agency's provisional result, while the cycle
 *   is approved and the appeal period (working days after approval) runs; they attach files to
 *   their own open appeals in that period;
 * - the department (assessors, administrator) answers each appeal while the cycle is approved:
 *   upheld with corrections (the audited review correction), or rejected with a reason;
 * - the department and the Steering Committee read every appeal; a reporter only its agency's;
 * - the administrator sets the period's length and holidays before publication;
 * - the first publication waits until the period is over and every appeal is answered, unless the
 *   approver overrides with a reason (publishGate).
 */
import type { Text } from '../../../core/types.ts';
import type { AppealStatus, CycleState } from '../../db/schema.ts';
import type { SessionUser } from '../../platform/auth.ts';
import { forbidden, wrongState } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';
import { STATE_LABELS } from '../cycles/cycle-states.ts';

export const appealsAccess = {
  list: ['admin', 'assessor', 'approver', 'reporter'],
  file: ['reporter'],
  attach: ['reporter'],
  download: ['admin', 'assessor', 'approver', 'reporter'],
  answer: ['admin', 'assessor'],
  setPeriod: ['admin'],
} as const satisfies Record<string, Access>;

type User = Pick<SessionUser, 'role' | 'agencyId'>;

export interface PeriodFacts {
  readonly year: number;
  readonly state: CycleState;
  /** The period runs now (approved, before its end). */
  readonly periodOpen: boolean;
  /** The end of the period as people read it ("11/12/2026"), null before approval. */
  readonly lastDay: string | null;
}

const staff = (user: User) => user.role === 'admin' || user.role === 'assessor';

/** Reads the appeals: the department and the Steering Committee all, a reporter its own agency's. */
export function canReadAppeals(user: User, agencyId: string | null): Verdict {
  if (staff(user) || user.role === 'approver') return true;
  if (user.role === 'reporter' && user.agencyId && (agencyId === null || agencyId === user.agencyId))
    return true;
  return forbidden({
    vi: 'Đơn vị chỉ xem được kiến nghị của chính mình',
    en: 'An agency may only read its own appeals',
  });
}

/** Why the period does not take appeals now, or null when it does. */
export function periodRefusal(cycle: PeriodFacts): Text | null {
  if (cycle.state !== 'approved')
    return {
      vi: `Chỉ gửi kiến nghị khi kết quả tạm thời đã được phê duyệt và chưa công bố; kỳ đánh giá năm ${cycle.year} đang ở trạng thái "${STATE_LABELS[cycle.state].vi}"`,
      en: `Appeals are filed while the provisional result is approved and not yet published; the ${cycle.year} cycle is "${STATE_LABELS[cycle.state].en}"`,
    };
  if (!cycle.periodOpen)
    return {
      vi: `Thời hạn gửi kiến nghị đã hết${cycle.lastDay ? ` (hết ngày ${cycle.lastDay})` : ''}`,
      en: `The appeal period is over${cycle.lastDay ? ` (it ended with ${cycle.lastDay})` : ''}`,
    };
  return null;
}

/** Files an appeal, or attaches a file to one: a reporter of the agency, while the period runs. */
export function canFileAppeal(user: User, agencyId: string, cycle: PeriodFacts): Verdict {
  if (user.role !== 'reporter' || user.agencyId !== agencyId)
    return forbidden({
      vi: 'Chỉ cán bộ báo cáo của chính cơ quan được gửi kiến nghị về kết quả của cơ quan',
      en: "Only the agency's own reporters may appeal its result",
    });
  const why = periodRefusal(cycle);
  return why ? wrongState(why) : true;
}

/** Attaches a file to an appeal: as filing, and only while the appeal is not answered. */
export function canAttachToAppeal(
  user: User,
  appeal: { readonly agencyId: string; readonly status: AppealStatus },
  cycle: PeriodFacts,
): Verdict {
  const may = canFileAppeal(user, appeal.agencyId, cycle);
  if (may !== true) return may;
  if (appeal.status !== 'open')
    return wrongState({
      vi: 'Kiến nghị đã được trả lời: không đính kèm thêm tệp được',
      en: 'The appeal has been answered: no more files',
    });
  return true;
}

/** Answers an appeal: the department, once, while the result is approved and not yet published. */
export function canAnswerAppeal(
  user: User,
  appeal: { readonly status: AppealStatus },
  cycle: Pick<PeriodFacts, 'year' | 'state'>,
): Verdict {
  if (!staff(user)) return forbidden();
  if (cycle.state !== 'approved')
    return wrongState({
      vi: `Chỉ trả lời kiến nghị khi kết quả đã phê duyệt, chưa công bố; kỳ đánh giá năm ${cycle.year} đang ở trạng thái "${STATE_LABELS[cycle.state].vi}"`,
      en: `Appeals are answered while the result is approved and not published; the ${cycle.year} cycle is "${STATE_LABELS[cycle.state].en}"`,
    });
  if (appeal.status !== 'open')
    return wrongState({ vi: 'Kiến nghị này đã được trả lời', en: 'This appeal has already been answered' });
  return true;
}

/** Sets the appeal period's length and holidays: the administrator, before publication. */
export function canSetPeriod(user: User, cycle: Pick<PeriodFacts, 'year' | 'state'>): Verdict {
  if (user.role !== 'admin') return forbidden();
  if (cycle.state === 'published')
    return wrongState({
      vi: `Kết quả kỳ đánh giá năm ${cycle.year} đã công bố: không đổi thời hạn kiến nghị được nữa`,
      en: `The ${cycle.year} result is published: the appeal period can no longer change`,
    });
  return true;
}

/**
 * What the first publication waits for: the appeal period to end and every appeal to be answered.
 * Null when nothing; the words otherwise (the approver may override them with a reason).
 */
export function publishWaitsFor(facts: {
  readonly periodOpen: boolean;
  readonly lastDay: string | null;
  readonly openAppeals: number;
}): Text | null {
  const parts: Text[] = [];
  if (facts.periodOpen)
    parts.push({
      vi: `thời hạn kiến nghị của các cơ quan chưa hết${facts.lastDay ? ` (đến hết ngày ${facts.lastDay})` : ''}`,
      en: `the agencies' appeal period is not over${facts.lastDay ? ` (it runs until the end of ${facts.lastDay})` : ''}`,
    });
  if (facts.openAppeals > 0)
    parts.push({
      vi: `còn ${facts.openAppeals} kiến nghị chưa được trả lời`,
      en: `${facts.openAppeals} appeal(s) are not answered yet`,
    });
  if (!parts.length) return null;
  return {
    vi: `Chưa công bố được: ${parts.map((p) => p.vi).join('; ')}`,
    en: `Cannot publish yet: ${parts.map((p) => p.en).join('; ')}`,
  };
}
