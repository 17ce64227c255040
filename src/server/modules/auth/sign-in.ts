/**
 * Signing in with a user name and password (argon2id). A wrong name and a wrong password get the
 * same answer, in the same time; failures slow the (name, address) down (throttle.ts) and are
 * audited; a success starts a server-side session.
 */

import type { Actor } from '../../platform/audit.ts';
import { audit } from '../../platform/audit.ts';
import { createSession, dummyPasswordHash, verifyPassword } from '../../platform/auth.ts';
import { AppError, tooMany } from '../../platform/errors.ts';
import type { AppDeps } from '../../platform/http.ts';
import { normalizeUsername } from '../users/user-fields.ts';
import * as users from '../users/users.repo.ts';
import * as repo from './auth.repo.ts';
import type { Me } from './auth.schema.ts';
import { addressKey, addressRule, afterFailure, pairKey, pairRule, waitSeconds } from './throttle.ts';

const badCredentials = () =>
  new AppError(401, 'bad_credentials', {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng',
    en: 'Wrong user name or password',
  });

export const meOf = (u: {
  id: string;
  username: string;
  displayName: string;
  role: Me['role'];
  agencyId: string | null;
  mustChangePassword: boolean;
}): Me => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  agencyId: u.agencyId,
  mustChangePassword: u.mustChangePassword,
});

export async function signIn(
  deps: AppDeps,
  actor: Actor,
  input: { username: string; password: string; userAgent?: string | undefined },
): Promise<{ session: { token: string; expiresAt: Date }; user: Me }> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const username = normalizeUsername(input.username);
  const address = actor.ip ?? 'unknown';
  const keys = { pair: pairKey(username, address), address: addressKey(address) };
  const held = await repo.throttlesOf(db, [keys.pair, keys.address]);
  const wait = waitSeconds(held, now);
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60);
    throw tooMany(
      {
        vi: `Đăng nhập sai quá nhiều lần từ máy này. Hãy thử lại sau ${minutes} phút.`,
        en: `Too many failed sign-ins from this computer. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      },
      wait,
    );
  }
  const user = await users.findByUsername(db, username);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok || !user.active) {
    const before = new Map(held.map((r) => [r.key, r]));
    await db.transaction(async (tx) => {
      await repo.saveThrottle(tx, afterFailure(keys.pair, before.get(keys.pair), now, pairRule));
      await repo.saveThrottle(tx, afterFailure(keys.address, before.get(keys.address), now, addressRule));
      await audit(tx, actor, now, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        newValue: { username },
      });
    });
    throw badCredentials();
  }
  await repo.clearThrottle(db, keys.pair);
  const session = await createSession(db, user.id, now, deps.config.sessionHours, {
    ip: actor.ip,
    userAgent: input.userAgent,
  });
  await audit(db, { ...actor, user: null }, now, {
    action: 'auth.login',
    entityType: 'user',
    entityId: user.id,
  });
  return { session, user: meOf(user) };
}
