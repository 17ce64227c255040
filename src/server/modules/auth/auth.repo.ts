/** SQL of the sign-in throttle (login_throttle): failures per key, and until when the key is held. */
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { loginThrottle } from '../../db/schema.ts';

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
