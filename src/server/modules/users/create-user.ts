/**
 * The administrator creates an account: a unique user name, a role, the agency of a reporter,
 * and a first password, given or made at random and shown once; it must be changed at the first
 * sign-in.
 */
import { audit } from '../../platform/audit.ts';
import { generatePassword, hashPassword, passwordProblem } from '../../platform/auth.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { readUser } from './read-users.ts';
import { checkAgency, normalizeUsername, USERNAME } from './user-fields.ts';
import { canManageUsers } from './users.policy.ts';
import * as repo from './users.repo.ts';
import type { CreatedUser, CreateUserBody } from './users.schema.ts';

export async function createUser(deps: AppDeps, caller: Caller, input: CreateUserBody): Promise<CreatedUser> {
  authorize(canManageUsers(caller.user));
  const db = deps.database.db;
  const username = normalizeUsername(input.username);
  if (!USERNAME.test(username))
    throw invalid('username', {
      vi: 'Tên đăng nhập 3–40 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới',
      en: 'User name: 3–40 of a-z, 0-9, ".", "-", "_"',
    });
  const password = input.password ?? generatePassword();
  const problem = passwordProblem(password, username);
  if (problem) throw invalid('password', problem);
  // Hashed before the transaction: argon2 is slow on purpose.
  const hash = await hashPassword(password);
  const now = deps.clock.now();
  const id = await db.transaction(async (tx) => {
    if (await repo.findByUsername(tx, username))
      throw conflict(
        'username_taken',
        { vi: `Tên đăng nhập "${username}" đã có`, en: `User name "${username}" is taken` },
        'username',
      );
    const agencyId = await checkAgency(tx, input.role, input.agencyId);
    const row = await repo.insertUser(tx, {
      username,
      displayName: input.displayName.normalize('NFC').trim(),
      email: input.email?.trim() || null,
      passwordHash: hash,
      role: input.role,
      agencyId,
      mustChangePassword: true,
      now,
    });
    await audit(tx, caller, now, {
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      newValue: { username, role: input.role, agencyId, displayName: row.displayName },
    });
    return row.id;
  });
  return { user: await readUser(db, id), initialPassword: input.password ? null : password };
}
