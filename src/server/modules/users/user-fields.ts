/**
 * An account's fields as the administrator types them, checked: the user name (compared
 * lower-case and NFC), and the agency, which a reporter must have and no other role may.
 */
import type { Executor } from '../../db/open.ts';
import type { Role } from '../../db/schema.ts';
import { invalid } from '../../platform/errors.ts';
import * as repo from './users.repo.ts';

export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

/** User names are compared lower-case and NFC, so "Nguyen.Van.A" and "nguyen.van.a" are one user. */
export const normalizeUsername = (s: string): string => s.normalize('NFC').trim().toLowerCase();

/** The agency of an account of `role`: required (and existing) for a reporter, absent otherwise. */
export async function checkAgency(
  tx: Executor,
  role: Role,
  agencyId: string | null | undefined,
): Promise<string | null> {
  if (role === 'reporter') {
    if (!agencyId)
      throw invalid('agencyId', {
        vi: 'Người báo cáo phải gắn với một cơ quan',
        en: 'A reporter must belong to an agency',
      });
    if (!(await repo.agencyExists(tx, agencyId)))
      throw invalid('agencyId', { vi: 'Cơ quan không tồn tại', en: 'Unknown agency' });
    return agencyId;
  }
  if (agencyId)
    throw invalid('agencyId', {
      vi: 'Chỉ người báo cáo mới gắn với cơ quan',
      en: 'Only reporters belong to an agency',
    });
  return null;
}
