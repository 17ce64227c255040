/**
 * How failed sign-ins slow an attacker down without letting anyone lock a person out.
 *
 * The hold is per (user name, address): after 5 failures from one address, that address waits
 * 1 minute before trying that name again, then 2, 4, 8… up to an hour; the same person from
 * another computer, or the administrator from the office, is not held. A success clears it.
 * Separately, one address that fails 30 times in 15 minutes (on any names) is held for 15 minutes,
 * so that spraying many names from one place is slow too. Both live in the database, so the limits
 * hold across several servers.
 */
import type { ThrottleRow } from './auth.repo.ts';

export const PAIR_FREE_FAILURES = 5;
export const PAIR_MAX_HOLD_MS = 60 * 60_000;
/** Failures of a pair are forgotten after a day without one. */
export const PAIR_WINDOW_MS = 24 * 60 * 60_000;
export const ADDRESS_MAX_FAILURES = 30;
export const ADDRESS_WINDOW_MS = 15 * 60_000;
export const ADDRESS_HOLD_MS = 15 * 60_000;

export const pairKey = (username: string, address: string) => `ua:${username}|${address}`;
export const addressKey = (address: string) => `ip:${address}`;

/** The hold after the n-th failure of a pair: none for the first four, then 1, 2, 4… minutes. */
export function pairHoldMs(failures: number): number {
  if (failures < PAIR_FREE_FAILURES) return 0;
  return Math.min(PAIR_MAX_HOLD_MS, 60_000 * 2 ** (failures - PAIR_FREE_FAILURES));
}

/** The row after one more failure of a key. */
export function afterFailure(
  key: string,
  current: ThrottleRow | undefined,
  now: Date,
  rule: { windowMs: number; holdMs: (failures: number) => number },
): ThrottleRow {
  const fresh = !current || now.getTime() - current.windowStart.getTime() > rule.windowMs;
  const failures = fresh ? 1 : current.failures + 1;
  const hold = rule.holdMs(failures);
  return {
    key,
    failures,
    windowStart: fresh ? now : current.windowStart,
    lockedUntil: hold > 0 ? new Date(now.getTime() + hold) : null,
  };
}

export const pairRule = { windowMs: PAIR_WINDOW_MS, holdMs: pairHoldMs };
export const addressRule = {
  windowMs: ADDRESS_WINDOW_MS,
  holdMs: (failures: number) => (failures >= ADDRESS_MAX_FAILURES ? ADDRESS_HOLD_MS : 0),
};

/** Seconds still to wait before these keys may try again (0: none). */
export function waitSeconds(rows: readonly ThrottleRow[], now: Date): number {
  let wait = 0;
  for (const r of rows)
    if (r.lockedUntil && r.lockedUntil > now)
      wait = Math.max(wait, Math.ceil((r.lockedUntil.getTime() - now.getTime()) / 1000));
  return wait;
}
