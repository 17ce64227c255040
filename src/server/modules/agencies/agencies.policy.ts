/**
 * Who may use the agency registry. `agenciesAccess` is the coarse role check every route declares
 * (listed in test/role-matrix.test.ts); the predicates below are the whole rule, asked once at
 * the top of each use case: every signed-in role reads the registry, a reporter only its own unit
 * and not the history of changes; only the administrator changes it.
 */
import type { SessionUser } from '../../platform/auth.ts';
import { forbidden } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';

export const agenciesAccess = {
  list: ['admin', 'assessor', 'approver', 'viewer', 'reporter'],
  get: ['admin', 'assessor', 'approver', 'viewer', 'reporter'],
  events: ['admin', 'assessor', 'approver', 'viewer'],
  create: ['admin'],
  update: ['admin'],
  recordEvent: ['admin'],
} as const satisfies Record<string, Access>;

type User = Pick<SessionUser, 'role' | 'agencyId'>;

/** An id no unit has: what a reporter without an agency is limited to. */
const NO_AGENCY = '00000000-0000-0000-0000-000000000000';

/** The one unit a reader's lists are limited to (a reporter's own), or undefined for the whole registry. */
export const registryScope = (user: User): string | undefined =>
  user.role === 'reporter' ? (user.agencyId ?? NO_AGENCY) : undefined;

/** Reads one unit and its history: a reporter only its own. */
export const canReadAgency = (user: User, agencyId: string): Verdict =>
  user.role === 'reporter' && user.agencyId !== agencyId
    ? forbidden({ vi: 'Bạn chỉ xem được cơ quan của mình', en: 'You may only see your own agency' })
    : true;

/** Reads the registry's changes (renames, mergers…): everyone but reporters. */
export const canReadChanges = (user: Pick<User, 'role'>): Verdict =>
  user.role === 'reporter' ? forbidden() : true;

/** Adds a unit, corrects one, records a rename, merge, split or dissolution. */
export const canChangeRegistry = (user: Pick<User, 'role'>): Verdict =>
  user.role === 'admin' ? true : forbidden();
