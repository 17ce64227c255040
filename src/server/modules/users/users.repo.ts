/** SQL of users and login throttling. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { agencies, type Role, users } from '../../db/schema.ts';

export type UserRow = typeof users.$inferSelect;

export const findByUsername = async (db: Executor, username: string): Promise<UserRow | undefined> =>
  (await db.select().from(users).where(eq(users.username, username)).limit(1))[0];

export const findById = async (db: Executor, id: string): Promise<UserRow | undefined> =>
  (await db.select().from(users).where(eq(users.id, id)).limit(1))[0];

export const listUsers = (db: Executor) =>
  db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      email: users.email,
      role: users.role,
      agencyId: users.agencyId,
      agencyCode: agencies.code,
      agencyName: agencies.name,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .orderBy(asc(users.username));

export const agencyExists = async (db: Executor, id: string): Promise<boolean> =>
  (await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, id)).limit(1)).length > 0;

export const countAdmins = async (db: Executor): Promise<number> =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.active, true)))
  )[0]?.n ?? 0;

export async function insertUser(
  db: Executor,
  u: {
    username: string;
    displayName: string;
    email: string | null;
    passwordHash: string;
    role: Role;
    agencyId: string | null;
    mustChangePassword: boolean;
    now: Date;
  },
): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({ ...u, createdAt: u.now, updatedAt: u.now })
    .returning();
  return row!;
}

export const updateUser = async (db: Executor, id: string, patch: Partial<typeof users.$inferInsert>) =>
  (await db.update(users).set(patch).where(eq(users.id, id)).returning())[0];

/* Login throttling: failures per key in a sliding window, shared by every server. */
