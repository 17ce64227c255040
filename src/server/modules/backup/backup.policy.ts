/**
 * Who may see, start and download backups: the administrator alone — a backup is the whole
 * database (every account's password hash, every agency's data). `backupAccess` is the coarse
 * role check every route declares (listed in test/role-matrix.test.ts); `canManageBackups` is the
 * rule asked once at the top of each use case.
 */
import type { SessionUser } from '../../platform/auth.ts';
import { forbidden } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';

export const backupAccess = {
  list: ['admin'],
  start: ['admin'],
  download: ['admin'],
} as const satisfies Record<string, Access>;

export const canManageBackups = (user: Pick<SessionUser, 'role'>): Verdict =>
  user.role === 'admin' ? true : forbidden();
