/**
 * Who has a bell: the agency's reporters (its queries, deadlines, results) and the department
 * (replies, submissions, appeals). The Steering Committee's read-only viewers have nothing to
 * follow up and write nothing, not even a read mark (test/role-matrix.test.ts).
 */
import type { SessionUser } from '../../platform/auth.ts';
import { forbidden } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';

export const notificationsAccess = {
  list: ['admin', 'assessor', 'approver', 'reporter'],
  markRead: ['admin', 'assessor', 'approver', 'reporter'],
} as const satisfies Record<string, Access>;

export const canUseNotifications = (user: Pick<SessionUser, 'role'>): Verdict =>
  (notificationsAccess.list as readonly string[]).includes(user.role) ? true : forbidden();
