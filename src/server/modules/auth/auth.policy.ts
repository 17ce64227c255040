/**
 * Who may call the sign-in routes: anyone may sign in; the rest needs a session. The three routes
 * an account with a temporary password may still use are marked `withTemporaryPassword` on the
 * route (app.ts refuses it everything else).
 */
import type { Access } from '../../platform/http.ts';

export const authAccess = {
  signIn: 'public',
  signOut: 'signed-in',
  me: 'signed-in',
  changePassword: 'signed-in',
} as const satisfies Record<string, Access>;
