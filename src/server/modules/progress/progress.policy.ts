/**
 * Who follows up the agencies (R18): the department (administrator, assessors) and the Steering
 * Committee see the progress board; only the administrator sends a reminder by hand, and only
 * while the cycle is open and before its deadline (a reminder after it is of no use).
 */
import type { CycleState } from '../../db/schema.ts';
import type { SessionUser } from '../../platform/auth.ts';
import { forbidden, wrongState } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';
import { STATE_LABELS } from '../cycles/cycle-states.ts';
import { instantVn } from '../cycles/cycle-texts.ts';

export const progressAccess = {
  board: ['admin', 'assessor', 'approver'],
  remind: ['admin'],
} as const satisfies Record<string, Access>;

export const canFollowProgress = (user: Pick<SessionUser, 'role'>): Verdict =>
  (progressAccess.board as readonly string[]).includes(user.role) ? true : forbidden();

export function canRemind(
  user: Pick<SessionUser, 'role'>,
  cycle: { state: CycleState; deadline: Date },
  now: Date,
): Verdict {
  if (user.role !== 'admin') return forbidden();
  if (cycle.state !== 'open')
    return wrongState(
      {
        vi: `Chỉ gửi nhắc nhở khi kỳ đánh giá đang nhận báo cáo (kỳ này: "${STATE_LABELS[cycle.state].vi}")`,
        en: `Reminders go out only while the cycle is open (this one: "${STATE_LABELS[cycle.state].en}")`,
      },
      { state: cycle.state },
    );
  if (now >= cycle.deadline)
    return wrongState({
      vi: `Đã hết hạn nộp (trước ${instantVn(cycle.deadline)}); nhắc nộp lúc này không còn tác dụng`,
      en: `The deadline (${instantVn(cycle.deadline)}) has passed; a reminder is of no use now`,
    });
  return true;
}
