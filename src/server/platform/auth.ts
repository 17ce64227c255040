/**
 * Passwords and sessions. Passwords are argon2id hashes; a session is a random token given to the
 * browser in an HttpOnly cookie and stored only as its SHA-256, so the database cannot log anyone in.
 */
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Text } from '../../core/types.ts';
import type { Executor } from '../db/open.ts';
import { preparedPer } from '../db/prepared.ts';
import { type Role, sessions, users } from '../db/schema.ts';

export const SESSION_COOKIE = 'chiso_session';

/** Who is asking: what every access check reads. */
export interface SessionUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** The reporter's agency; null for other roles. */
  readonly agencyId: string | null;
  readonly mustChangePassword: boolean;
  readonly sessionId: string;
}

export const hashPassword = (password: string): Promise<string> =>
  argon2.hash(password, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal user names. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> => {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
};

/** Why a new password is not acceptable, or null. */
export function passwordProblem(password: string, username: string): Text | null {
  if ([...password].length < 10)
    return { vi: 'Mật khẩu phải có ít nhất 10 ký tự', en: 'The password must have at least 10 characters' };
  if ([...password].length > 200)
    return { vi: 'Mật khẩu quá dài (tối đa 200 ký tự)', en: 'The password is too long (200 at most)' };
  if (password.toLowerCase().includes(username.toLowerCase()))
    return {
      vi: 'Mật khẩu không được chứa tên đăng nhập',
      en: 'The password must not contain the user name',
    };
  if (/^(.)\1+$/.test(password) || /^(0123456789|1234567890|abcdefghij)/i.test(password))
    return { vi: 'Mật khẩu quá dễ đoán', en: 'The password is too easy to guess' };
  return null;
}

/** A readable random password for a new account (the user changes it at first login). */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}`;
}

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Creates a session; returns the token for the cookie (never stored). */
export async function createSession(
  db: Executor,
  userId: string,
  now: Date,
  hours: number,
  meta: { ip?: string | undefined; userAgent?: string | undefined },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + hours * 3600_000);
  await db.insert(sessions).values({
    tokenHash: tokenHash(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300),
  });
  return { token, expiresAt };
}

/** The session lookup of every request, built once (db/prepared.ts). */
const sessionQuery = preparedPer((db) =>
  db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      agencyId: users.agencyId,
      mustChangePassword: users.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.expiresAt, sql.param(sql.placeholder('now'), sessions.expiresAt)),
        eq(users.active, true),
      ),
    )
    .limit(1)
    .prepare('user_of_token'),
);

/** The active user of a session token, or null (unknown, expired, or user deactivated). */
export async function userOfToken(db: Executor, token: string, now: Date): Promise<SessionUser | null> {
  const rows = await sessionQuery(db).execute({ tokenHash: tokenHash(token), now });
  const row = rows[0];
  if (!row) return null;
  // Touch the session now and then, not on every request (a write per read would not scale).
  if (now.getTime() - row.lastSeenAt.getTime() > 5 * 60_000)
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.sessionId));
  const { lastSeenAt: _, ...user } = row;
  return user;
}

export const endSession = (db: Executor, sessionId: string) =>
  db.delete(sessions).where(eq(sessions.id, sessionId));

/** Ends every session of a user (password changed, account disabled). */
export const endAllSessions = (db: Executor, userId: string) =>
  db.delete(sessions).where(eq(sessions.userId, userId));
