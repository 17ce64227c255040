/**
 * Who may do what with the feedback on the regulation (issue 14, item 5; Điều 13, Điều 11.3).
 * `feedbackAccess` is the coarse role check every route declares (listed in
 * test/role-matrix.test.ts); the predicates below are the whole rule, asked once at the top of
 * each use case with the facts it loaded:
 *
 * - anyone signed in raises a difficulty or a proposal, reads their own items and the answers,
 *   and attaches one file to an item of theirs until it is answered;
 * - the department (administrator, assessors) reads every item, answers it (and may revise the
 *   answer: an item answered today may be taken into the next version later), and groups the
 *   items under topics;
 * - the Steering Committee (approver) reads every item and downloads the yearly summary for the
 *   People's Committee, as the department does.
 */
import type { FeedbackStatus } from '../../db/schema.ts';
import type { SessionUser } from '../../platform/auth.ts';
import { forbidden, wrongState } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';

export const feedbackAccess = {
  list: 'signed-in',
  raise: 'signed-in',
  attach: 'signed-in',
  download: 'signed-in',
  answer: ['admin', 'assessor'],
  topic: ['admin', 'assessor'],
  summary: ['admin', 'assessor', 'approver'],
} as const satisfies Record<string, Access>;

type User = Pick<SessionUser, 'id' | 'role'>;

const department = (user: User) => user.role === 'admin' || user.role === 'assessor';

/** Reads every item (the department's page): the department and the Steering Committee. */
export function canReadAllFeedback(user: User): Verdict {
  if (department(user) || user.role === 'approver') return true;
  return forbidden({
    vi: 'Chỉ Sở Thông tin và Truyền thông và Ban Chỉ đạo xem được mọi góp ý; bạn xem được góp ý của chính mình',
    en: 'Only the department and the Steering Committee read every item; you can read your own',
  });
}

/** Reads one item (and its file): its raiser, the department, the Steering Committee. */
export function canReadFeedbackItem(user: User, item: { readonly raisedBy: string }): Verdict {
  if (item.raisedBy === user.id) return true;
  return canReadAllFeedback(user);
}

/** Attaches the one file to an item: its raiser, before the item is answered, once. */
export function canAttachToFeedback(
  user: User,
  item: { readonly raisedBy: string; readonly status: FeedbackStatus; readonly fileId: string | null },
): Verdict {
  if (item.raisedBy !== user.id)
    return forbidden({
      vi: 'Chỉ người gửi góp ý được đính kèm tệp',
      en: 'Only the person who raised the item may attach a file',
    });
  if (item.status !== 'new')
    return wrongState({
      vi: 'Góp ý đã được trả lời: không đính kèm thêm tệp được',
      en: 'The item has been answered: no file can be added',
    });
  if (item.fileId)
    return wrongState({
      vi: 'Góp ý đã có tệp đính kèm (mỗi góp ý một tệp)',
      en: 'The item already has its file (one per item)',
    });
  return true;
}

/** Answers an item, or revises the answer: the department. */
export function canAnswerFeedback(user: User): Verdict {
  if (department(user)) return true;
  return forbidden({
    vi: 'Chỉ Sở Thông tin và Truyền thông trả lời góp ý',
    en: 'Only the department answers the feedback',
  });
}

/** Puts an item under a topic: the department. */
export function canGroupFeedback(user: User): Verdict {
  return canAnswerFeedback(user);
}

/** Downloads the yearly summary: the department and the Steering Committee. */
export function canSummariseFeedback(user: User): Verdict {
  if (department(user) || user.role === 'approver') return true;
  return forbidden({
    vi: 'Chỉ Sở Thông tin và Truyền thông và Ban Chỉ đạo tải báo cáo tổng hợp góp ý',
    en: 'Only the department and the Steering Committee download the summary',
  });
}
