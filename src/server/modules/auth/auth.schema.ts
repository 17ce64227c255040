/** The contract of signing in and out, who am I, and changing one's password. */
import { z } from 'zod';
import { ROLES } from '../../db/schema.ts';

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  agencyId: z.string().nullable(),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const SignInBody = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});
export const SignedIn = z.object({ user: Me });
export type SignedIn = z.infer<typeof SignedIn>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;
