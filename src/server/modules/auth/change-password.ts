/** A signed-in person changes their own password; every other session of theirs ends. */
import { audit } from '../../platform/audit.ts';
import {
  createSession,
  endAllSessions,
  hashPassword,
  passwordProblem,
  verifyPassword,
} from '../../platform/auth.ts';
import { invalid } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import * as users from '../users/users.repo.ts';
import type { ChangePasswordBody } from './auth.schema.ts';

export async function changePassword(deps: AppDeps, caller: Caller, input: ChangePasswordBody) {
  const db = deps.database.db;
  const row = await users.findById(db, caller.user.id);
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword)))
    throw invalid('currentPassword', {
      vi: 'Mật khẩu hiện tại không đúng',
      en: 'The current password is wrong',
    });
  const problem = passwordProblem(input.newPassword, row.username);
  if (problem) throw invalid('newPassword', problem);
  if (await verifyPassword(row.passwordHash, input.newPassword))
    throw invalid('newPassword', {
      vi: 'Mật khẩu mới phải khác mật khẩu cũ',
      en: 'The new password must differ from the old one',
    });
  const hash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  await db.transaction(async (tx) => {
    await users.updateUser(tx, caller.user.id, {
      passwordHash: hash,
      mustChangePassword: false,
      passwordChangedAt: now,
      updatedAt: now,
    });
    await endAllSessions(tx, caller.user.id);
    await audit(tx, caller, now, {
      action: 'auth.password_change',
      entityType: 'user',
      entityId: caller.user.id,
    });
  });
  return createSession(db, caller.user.id, now, deps.config.sessionHours, { ip: caller.ip });
}
