/**
 * The planned visits of a cycle: for the department's list (every agency) and the review page
 * (one agency), and for an agency's reporter its own; the bell's events.
 */
import type { Executor } from '../../db/open.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { loadCycle } from '../review/review-context.ts';
import { vnDate } from '../review/review-words.ts';
import { planViews } from './plan-views.ts';
import { canReadPlans } from './surveys.policy.ts';
import * as repo from './surveys.repo.ts';
import type { CycleParams, PlansQuery, PlansView } from './surveys.schema.ts';

export async function readPlans(
  deps: AppDeps,
  caller: Caller,
  input: CycleParams & PlansQuery,
): Promise<PlansView> {
  const db = deps.database.db;
  const user = caller.user;
  const cycle = await loadCycle(db, input.cycleId);
  const agencyId = user.role === 'reporter' ? user.agencyId : (input.agencyId ?? null);
  authorize(canReadPlans(user, input.agencyId ?? agencyId));
  const rows = await repo.listPlans(db, { cycleId: cycle.id, ...(agencyId ? { agencyId } : {}) });
  return {
    cycle: { id: cycle.id, year: cycle.year },
    plans: await planViews(db, cycle, rows, vnDate(deps.clock.now())),
    canPlan: user.role === 'admin' || user.role === 'assessor',
    canReply: user.role === 'reporter',
  };
}

/** The bell of an agency's reporters: visits planned (or moved) for it since a time, not yet done. */
export async function plansFor(db: Executor, agencyId: string, since: Date) {
  return (await repo.listPlans(db, { agencyId, changedSince: since })).filter((p) => p.status === 'planned');
}

/** The bell of the assessor who planned: the agency's replies since a time. */
export const repliesFor = (db: Executor, userId: string, since: Date) => repo.repliedSince(db, userId, since);
