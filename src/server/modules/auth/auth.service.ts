/**
 * Signing in and out, and changing one's own password. Failed sign-ins are throttled per user
 * name and per address in the database, so the limit holds across several servers.
 */
import type { Db } from '../../db/open.ts';
import { type Actor, audit } from '../../platform/audit.ts';
import {
  createSession,
  dummyPasswordHash,
  endAllSessions,
  endSession,
  hashPassword,
  passwordProblem,
  type SessionUser,
  verifyPassword,
} from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, invalid, tooMany } from '../../platform/errors.ts';
import * as users from '../users/users.repo.ts';
import { normalizeUsername } from '../users/users.service.ts';

const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;
const MAX_PER_USER = 5;
const MAX_PER_IP = 30;

const badCredentials = () =>
  new AppError(401, 'bad_credentials', {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng',
    en: 'Wrong user name or password',
  });

export function authService(db: Db, clock: Clock, sessionHours: number) {
  async function lockedFor(keys: readonly string[], now: Date): Promise<number> {
    let wait = 0;
    for (const key of keys) {
      const t = await users.throttleOf(db, key);
      if (t?.lockedUntil && t.lockedUntil > now)
        wait = Math.max(wait, Math.ceil((t.lockedUntil.getTime() - now.getTime()) / 1000));
    }
    return wait;
  }

  return {
    async login(
      actor: Actor,
      usernameRaw: string,
      password: string,
      meta: { userAgent?: string | undefined },
    ) {
      const now = clock.now();
      const username = normalizeUsername(usernameRaw);
      const keys = [`u:${username}`, `ip:${actor.ip ?? 'unknown'}`];
      const wait = await lockedFor(keys, now);
      if (wait > 0)
        throw tooMany(
          {
            vi: `Đăng nhập sai quá nhiều lần. Hãy thử lại sau ${Math.ceil(wait / 60)} phút.`,
            en: `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minutes.`,
          },
          wait,
        );
      const user = await users.findByUsername(db, username);
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
      if (!user || !ok || !user.active) {
        await users.recordFailure(db, keys[0]!, now, WINDOW_MS, MAX_PER_USER, LOCK_MS);
        await users.recordFailure(db, keys[1]!, now, WINDOW_MS, MAX_PER_IP, LOCK_MS);
        await audit(db, actor, now, {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          newValue: { username },
        });
        throw badCredentials();
      }
      await users.clearFailures(db, keys[0]!);
      const session = await createSession(db, user.id, now, sessionHours, {
        ip: actor.ip,
        userAgent: meta.userAgent,
      });
      await audit(db, { ...actor, user: null }, now, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
      });
      return {
        session,
        user: {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          agencyId: user.agencyId,
          mustChangePassword: user.mustChangePassword,
        },
      };
    },

    async logout(actor: Actor, user: SessionUser) {
      await endSession(db, user.sessionId);
      await audit(db, actor, clock.now(), { action: 'auth.logout', entityType: 'user', entityId: user.id });
    },

    /** Changes the user's own password; every other session of the user ends. */
    async changePassword(actor: Actor, user: SessionUser, current: string, next: string) {
      const row = await users.findById(db, user.id);
      if (!row || !(await verifyPassword(row.passwordHash, current)))
        throw invalid('currentPassword', {
          vi: 'Mật khẩu hiện tại không đúng',
          en: 'The current password is wrong',
        });
      const problem = passwordProblem(next, row.username);
      if (problem) throw invalid('newPassword', problem);
      if (await verifyPassword(row.passwordHash, next))
        throw invalid('newPassword', {
          vi: 'Mật khẩu mới phải khác mật khẩu cũ',
          en: 'The new password must differ from the old one',
        });
      const hash = await hashPassword(next);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await users.updateUser(tx, user.id, {
          passwordHash: hash,
          mustChangePassword: false,
          passwordChangedAt: now,
          updatedAt: now,
        });
        await endAllSessions(tx, user.id);
        await audit(tx, actor, now, {
          action: 'auth.password_change',
          entityType: 'user',
          entityId: user.id,
        });
      });
      return createSession(db, user.id, now, sessionHours, { ip: actor.ip });
    },
  };
}
