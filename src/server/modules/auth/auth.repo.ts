/**
 * SQL of the auth module: the sign-in throttle (login_throttle), the single sign-ons under way
 * (oidc_logins), and finding the accounts an e-mail address belongs to (read from users).
 */
import { eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { loginThrottle, oidcLogins, users } from '../../db/schema.ts';

export type ThrottleRow = typeof loginThrottle.$inferSelect;

export const throttlesOf = (db: Executor, keys: readonly string[]): Promise<ThrottleRow[]> =>
  db
    .select()
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, [...keys]));

/** Stores a key's count of failures, the start of its window and its hold. */
export const saveThrottle = (db: Executor, row: ThrottleRow) =>
  db
    .insert(loginThrottle)
    .values(row)
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: { failures: row.failures, windowStart: row.windowStart, lockedUntil: row.lockedUntil },
    });

export const clearThrottle = (db: Executor, key: string) =>
  db.delete(loginThrottle).where(eq(loginThrottle.key, key));

export type PendingOidcLogin = typeof oidcLogins.$inferSelect;

export const savePendingLogin = (db: Executor, row: PendingOidcLogin) => db.insert(oidcLogins).values(row);

/** Takes the pending sign-in of a state out, so that it can be finished once only (on any server). */
export const takePendingLogin = async (
  db: Executor,
  stateHash: string,
): Promise<PendingOidcLogin | undefined> =>
  (await db.delete(oidcLogins).where(eq(oidcLogins.stateHash, stateHash)).returning())[0];

/** Forgets the sign-ins that never came back from the provider. */
export const sweepPendingLogins = (db: Executor, now: Date) =>
  db.delete(oidcLogins).where(lt(oidcLogins.expiresAt, now));

/** Every account (active or not) whose e-mail is this address, compared without case or spaces. */
export const accountsByEmail = (db: Executor, address: string) =>
  db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      agencyId: users.agencyId,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(sql`lower(btrim(${users.email})) = ${address}`)
    .limit(10);
