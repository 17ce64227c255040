/** Signing out: the session ends on the server (the cookie alone would not end it). */
import { audit } from '../../platform/audit.ts';
import { endSession } from '../../platform/auth.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';

export async function signOut(deps: AppDeps, caller: Caller): Promise<void> {
  await endSession(deps.database.db, caller.user.sessionId);
  await audit(deps.database.db, caller, deps.clock.now(), {
    action: 'auth.logout',
    entityType: 'user',
    entityId: caller.user.id,
  });
}
