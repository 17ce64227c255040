/** Who may manage accounts: the administrator only; everyone manages their own password. */
import type { Access } from '../../platform/http.ts';

export const usersPolicy = {
  list: ['admin'],
  create: ['admin'],
  update: ['admin'],
  resetPassword: ['admin'],
} as const satisfies Record<string, Access>;
