/**
 * Who may manage accounts. `usersAccess` is the coarse role check every route declares (listed
 * in test/role-matrix.test.ts); the predicates below are the whole rule, asked once at the top of
 * each use case: only the administrator manages accounts (everyone changes their own password,
 * in the auth module), and the last active administrator keeps that role and stays active.
 */
import type { Role } from '../../db/schema.ts';
import type { SessionUser } from '../../platform/auth.ts';
import { forbidden, wrongState } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';

export const usersAccess = {
  list: ['admin'],
  create: ['admin'],
  update: ['admin'],
  resetPassword: ['admin'],
} as const satisfies Record<string, Access>;

type User = Pick<SessionUser, 'role'>;

/** Lists accounts, creates one, resets a password. */
export const canManageUsers = (user: User): Verdict => (user.role === 'admin' ? true : forbidden());

/** What an edit of an account decides on: the account as it is and as it would be. */
export interface AccountChange {
  readonly before: { readonly role: Role; readonly active: boolean };
  readonly after: { readonly role: Role; readonly active: boolean };
  /** Active administrators now, the edited account included. */
  readonly activeAdmins: number;
}

/** Edits an account: the administrator, unless it would leave no active administrator. */
export function canEditUser(user: User, change: AccountChange): Verdict {
  if (user.role !== 'admin') return forbidden();
  const { before, after } = change;
  const losesAdmin = before.role === 'admin' && before.active && (after.role !== 'admin' || !after.active);
  if (losesAdmin && change.activeAdmins <= 1)
    return wrongState({
      vi: 'Không thể bỏ quyền quản trị viên cuối cùng',
      en: 'The last administrator cannot be removed',
    });
  return true;
}
