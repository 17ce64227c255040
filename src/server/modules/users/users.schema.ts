/**
 * The contract of /users, the accounts and their roles: every request and response shape, once.
 * The routes validate and document with these schemas, the use cases return their inferred types,
 * and the web application imports the types from here.
 */
import { z } from 'zod';
import { ROLES } from '../../db/schema.ts';
import { Instant, Uuid } from '../../platform/schema.ts';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/* ───────────────────────── requests ───────────────────────── */

export const UserParams = z.object({ id: Uuid });
export type UserParams = z.infer<typeof UserParams>;

export const CreateUserBody = z.object({
  username: z.string().min(1).max(100),
  displayName: z.string().trim().min(1).max(200),
  email: z.email().nullable().optional(),
  role: Role,
  agencyId: Uuid.nullable().optional().describe('Cơ quan của người báo cáo (chỉ vai trò reporter)'),
  password: z
    .string()
    .max(200)
    .optional()
    .describe('Bỏ trống: hệ thống tạo mật khẩu ngẫu nhiên, trả về một lần'),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const EditUserBody = z.object({
  displayName: z.string().trim().min(1).max(200).optional(),
  email: z.email().nullable().optional(),
  role: Role.optional(),
  agencyId: Uuid.nullable().optional(),
  active: z.boolean().optional(),
});
export type EditUserBody = z.infer<typeof EditUserBody>;

/* ───────────────────────── responses ───────────────────────── */

export const UserView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: Role,
  agencyId: z.string().nullable(),
  agencyCode: z.string().nullable(),
  agencyName: z.string().nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: Instant,
});
export type UserView = z.infer<typeof UserView>;

export const UserList = z.object({ users: z.array(UserView) });
export type UserList = z.infer<typeof UserList>;

export const UserAnswer = z.object({ user: UserView });
export type UserAnswer = z.infer<typeof UserAnswer>;

/** A new account, with its first password when the system made it (shown once). */
export const CreatedUser = z.object({ user: UserView, initialPassword: z.string().nullable() });
export type CreatedUser = z.infer<typeof CreatedUser>;

export const TemporaryPassword = z.object({ temporaryPassword: z.string() });
export type TemporaryPassword = z.infer<typeof TemporaryPassword>;
