/** The accounts list as the administrator narrows it, and what the account form sends. */
import type { Role } from '../../api.ts';
import { collator, foldVn } from '../../format.ts';
import type { AdminUser } from './adminApi.ts';

export interface UserFilters {
  /** Words of the user name, display name, e-mail or agency, tones and case aside. */
  q: string;
  role: Role | null;
  agencyId: string | null;
}

/** The accounts that match, by display name in Vietnamese order. */
export function usersShown(users: readonly AdminUser[], f: UserFilters): AdminUser[] {
  const needle = foldVn(f.q.trim());
  return users
    .filter((u) => !f.role || u.role === f.role)
    .filter((u) => !f.agencyId || u.agencyId === f.agencyId)
    .filter(
      (u) =>
        !needle ||
        foldVn(`${u.username} ${u.displayName} ${u.email ?? ''} ${u.agencyName ?? ''}`).includes(needle),
    )
    .sort((a, b) => collator.compare(a.displayName, b.displayName));
}

/** What the account form holds. */
export interface UserValues {
  username: string;
  displayName: string;
  email: string;
  role: Role;
  agencyId?: string | null;
  active: boolean;
}

/**
 * The fields the server takes from the form. An agency belongs to a reporter only. An
 * administrator editing their own account changes only their name and e-mail: their role, agency
 * and access stay (the server refuses a self-demotion or a self-lock anyway).
 */
export function userFields(v: UserValues, self: boolean) {
  const agencyId = v.role === 'reporter' ? (v.agencyId ?? null) : null;
  return {
    displayName: v.displayName.trim(),
    email: v.email?.trim() ? v.email.trim() : null,
    ...(!self && { role: v.role, agencyId, active: v.active }),
  };
}
