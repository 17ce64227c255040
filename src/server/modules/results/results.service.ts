/**
 * The Steering Committee's approval and publication for code that acts without a request: the
 * demo loader (`npm start -- --demo`) and the browser tests' sample years. The same use cases as
 * the routes (approve.ts, publish.ts), with the same rules; nothing else goes through here.
 */
import type { Db } from '../../db/open.ts';
import type { Actor } from '../../platform/audit.ts';
import type { SessionUser } from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { approve } from './approve.ts';
import { publish } from './publish.ts';
import type { CycleStateView, PublishResult } from './results.schema.ts';

/** All that approve and publish use of the app's dependencies. */
type Used = Pick<AppDeps, 'clock'> & { readonly database: Pick<AppDeps['database'], 'db'> };

export function resultsService(db: Db, clock: Clock) {
  const used: Used = { database: { db }, clock };
  const deps = used as AppDeps;
  const callerOf = (actor: Actor, user: SessionUser): Caller => ({ ...actor, user });
  return {
    async approve(actor: Actor, user: SessionUser, cycleId: string, note?: string): Promise<CycleStateView> {
      return (await approve(deps, callerOf(actor, user), { id: cycleId, note })).cycle;
    },
    publish(actor: Actor, user: SessionUser, cycleId: string, reason?: string): Promise<PublishResult> {
      return publish(deps, callerOf(actor, user), { id: cycleId, reason });
    },
  };
}
