/**
 * The administrator gives an account a new random password, shown once, which the user must
 * change at the next sign-in; the account's sessions end.
 */
import { audit } from '../../platform/audit.ts';
import { endAllSessions, generatePassword, hashPassword } from '../../platform/auth.ts';
import { notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { canManageUsers } from './users.policy.ts';
import * as repo from './users.repo.ts';
import type { TemporaryPassword, UserParams } from './users.schema.ts';

export async function resetPassword(
  deps: AppDeps,
  caller: Caller,
  input: UserParams,
): Promise<TemporaryPassword> {
  authorize(canManageUsers(caller.user));
  const password = generatePassword();
  // Hashed before the transaction: argon2 is slow on purpose.
  const hash = await hashPassword(password);
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const before = await repo.findById(tx, input.id);
    if (!before) throw notFound({ vi: 'người dùng', en: 'user' });
    await repo.updateUser(tx, input.id, {
      passwordHash: hash,
      mustChangePassword: true,
      updatedAt: now,
      passwordChangedAt: now,
    });
    await endAllSessions(tx, input.id);
    await audit(tx, caller, now, { action: 'user.reset_password', entityType: 'user', entityId: input.id });
  });
  return { temporaryPassword: password };
}
