/**
 * Accounts and roles (administrator, assessor, approver, agency reporter bound to one agency,
 * viewer). Only the administrator manages them; the last active administrator cannot be removed.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open.ts';
import { agencies, type Role } from '../../db/schema.ts';
import { type Actor, audit } from '../../platform/audit.ts';
import { endAllSessions, generatePassword, hashPassword, passwordProblem } from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, invalid, notFound, wrongState } from '../../platform/errors.ts';
import * as repo from './users.repo.ts';

export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

/** User names are compared lower-case and NFC, so "Nguyen.Van.A" and "nguyen.van.a" are one user. */
export const normalizeUsername = (s: string): string => s.normalize('NFC').trim().toLowerCase();

export interface NewUser {
  username: string;
  displayName: string;
  email?: string | null | undefined;
  role: Role;
  agencyId?: string | null | undefined;
  /** When absent, a random one is generated and returned once. */
  password?: string | undefined;
}

type UserListRow = Awaited<ReturnType<typeof repo.listUsers>>[number];
export type UserView = Omit<UserListRow, 'createdAt'> & { createdAt: string };

const view = (u: UserListRow): UserView => ({ ...u, createdAt: u.createdAt.toISOString() });
const viewOf = async (db: Db, id: string): Promise<UserView> =>
  view((await repo.listUsers(db)).find((u) => u.id === id)!);

export function usersService(db: Db, clock: Clock) {
  async function checkAgency(
    tx: Parameters<Parameters<Db['transaction']>[0]>[0],
    role: Role,
    agencyId: string | null | undefined,
  ) {
    if (role === 'reporter') {
      if (!agencyId)
        throw invalid('agencyId', {
          vi: 'Người báo cáo phải gắn với một cơ quan',
          en: 'A reporter must belong to an agency',
        });
      const found = await tx
        .select({ id: agencies.id })
        .from(agencies)
        .where(eq(agencies.id, agencyId))
        .limit(1);
      if (!found.length) throw invalid('agencyId', { vi: 'Cơ quan không tồn tại', en: 'Unknown agency' });
      return agencyId;
    }
    if (agencyId)
      throw invalid('agencyId', {
        vi: 'Chỉ người báo cáo mới gắn với cơ quan',
        en: 'Only reporters belong to an agency',
      });
    return null;
  }

  return {
    list: async (): Promise<UserView[]> => (await repo.listUsers(db)).map(view),

    async create(actor: Actor, input: NewUser): Promise<{ user: UserView; initialPassword: string | null }> {
      const username = normalizeUsername(input.username);
      if (!USERNAME.test(username))
        throw invalid('username', {
          vi: 'Tên đăng nhập 3–40 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới',
          en: 'User name: 3–40 of a-z, 0-9, ".", "-", "_"',
        });
      const password = input.password ?? generatePassword();
      const problem = passwordProblem(password, username);
      if (problem) throw invalid('password', problem);
      const hash = await hashPassword(password);
      const now = clock.now();
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
        await audit(tx, actor, now, {
          action: 'user.create',
          entityType: 'user',
          entityId: row.id,
          newValue: { username, role: input.role, agencyId, displayName: row.displayName },
        });
        return row.id;
      });
      const user = await viewOf(db, id);
      return { user, initialPassword: input.password ? null : password };
    },

    async update(
      actor: Actor,
      id: string,
      patch: {
        displayName?: string | undefined;
        email?: string | null | undefined;
        role?: Role | undefined;
        agencyId?: string | null | undefined;
        active?: boolean | undefined;
      },
    ): Promise<UserView> {
      const now = clock.now();
      await db.transaction(async (tx) => {
        const before = await repo.findById(tx, id);
        if (!before) throw notFound({ vi: 'người dùng', en: 'user' });
        const role = patch.role ?? before.role;
        const agencyId = await checkAgency(
          tx,
          role,
          patch.agencyId === undefined ? (role === 'reporter' ? before.agencyId : null) : patch.agencyId,
        );
        const active = patch.active ?? before.active;
        if (
          before.role === 'admin' &&
          before.active &&
          (role !== 'admin' || !active) &&
          (await repo.countAdmins(tx)) <= 1
        )
          throw wrongState({
            vi: 'Không thể bỏ quyền quản trị viên cuối cùng',
            en: 'The last administrator cannot be removed',
          });
        const next = {
          displayName: patch.displayName?.normalize('NFC').trim() ?? before.displayName,
          email: patch.email === undefined ? before.email : patch.email?.trim() || null,
          role,
          agencyId,
          active,
          updatedAt: now,
        };
        await repo.updateUser(tx, id, next);
        if (!active || role !== before.role || agencyId !== before.agencyId) await endAllSessions(tx, id);
        await audit(tx, actor, now, {
          action: 'user.update',
          entityType: 'user',
          entityId: id,
          oldValue: {
            displayName: before.displayName,
            email: before.email,
            role: before.role,
            agencyId: before.agencyId,
            active: before.active,
          },
          newValue: { displayName: next.displayName, email: next.email, role, agencyId, active },
        });
      });
      return viewOf(db, id);
    },

    /** Sets a new random password the user must change at next sign-in; returns it once. */
    async resetPassword(actor: Actor, id: string): Promise<string> {
      const password = generatePassword();
      const hash = await hashPassword(password);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const before = await repo.findById(tx, id);
        if (!before) throw notFound({ vi: 'người dùng', en: 'user' });
        await repo.updateUser(tx, id, {
          passwordHash: hash,
          mustChangePassword: true,
          updatedAt: now,
          passwordChangedAt: now,
        });
        await endAllSessions(tx, id);
        await audit(tx, actor, now, { action: 'user.reset_password', entityType: 'user', entityId: id });
      });
      return password;
    },
  };
}
