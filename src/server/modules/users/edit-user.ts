/**
 * The administrator edits an account: name, e-mail, role, agency, active or locked. A change of
 * role or agency, or a lock, ends the account's sessions; the last active administrator cannot
 * lose that role or be locked.
 */
import { audit } from '../../platform/audit.ts';
import { endAllSessions } from '../../platform/auth.ts';
import { notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { readUser } from './read-users.ts';
import { checkAgency } from './user-fields.ts';
import { canEditUser } from './users.policy.ts';
import * as repo from './users.repo.ts';
import type { EditUserBody, UserAnswer, UserParams } from './users.schema.ts';

export async function editUser(
  deps: AppDeps,
  caller: Caller,
  input: UserParams & EditUserBody,
): Promise<UserAnswer> {
  const db = deps.database.db;
  const { id } = input;
  const now = deps.clock.now();
  await db.transaction(async (tx) => {
    const before = await repo.findById(tx, id);
    if (!before) throw notFound({ vi: 'người dùng', en: 'user' });
    const role = input.role ?? before.role;
    const active = input.active ?? before.active;
    authorize(
      canEditUser(caller.user, {
        before: { role: before.role, active: before.active },
        after: { role, active },
        activeAdmins: await repo.countAdmins(tx),
      }),
    );
    const agencyId = await checkAgency(
      tx,
      role,
      input.agencyId === undefined ? (role === 'reporter' ? before.agencyId : null) : input.agencyId,
    );
    const next = {
      displayName: input.displayName?.normalize('NFC').trim() ?? before.displayName,
      email: input.email === undefined ? before.email : input.email?.trim() || null,
      role,
      agencyId,
      active,
      updatedAt: now,
    };
    await repo.updateUser(tx, id, next);
    if (!active || role !== before.role || agencyId !== before.agencyId) await endAllSessions(tx, id);
    await audit(tx, caller, now, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      oldValue: {
        displayName: before.displayName,
        email: before.email,
        role: before.role,
        agencyId: before.agencyId,
        active: before.active,
      },
      newValue: { displayName: next.displayName, email: next.email, role, agencyId, active },
    });
  });
  return { user: await readUser(db, id) };
}
