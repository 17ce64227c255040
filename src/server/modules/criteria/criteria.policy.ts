/**
 * Who may use criteria versions (R13, R14). `criteriaAccess` is the coarse role check every route
 * declares (listed in test/role-matrix.test.ts): everyone signed in reads and compares versions
 * (the scoring method is public); only the administrator loads a new one.
 */
import type { SessionUser } from '../../platform/auth.ts';
import { forbidden } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';

export const criteriaAccess = {
  list: 'signed-in',
  get: 'signed-in',
  compare: 'signed-in',
  load: ['admin'],
  dryRun: ['admin'],
} as const satisfies Record<string, Access>;

/** Loads a new criteria version. */
export const canLoadCriteria = (user: Pick<SessionUser, 'role'>): Verdict =>
  user.role === 'admin' ? true : forbidden();

/** Scores a published year with another version, read-only (the dry run). */
export const canDryRun = (user: Pick<SessionUser, 'role'>): Verdict =>
  user.role === 'admin' ? true : forbidden();
