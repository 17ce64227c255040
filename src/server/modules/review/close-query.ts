/** An assessor closes a query once it is settled (R10); nobody writes on it afterwards. */
import { audit } from '../../platform/audit.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { canCloseQuery } from './review.policy.ts';
import * as repo from './review.repo.ts';
import type { ClosedQuery, QueryParams } from './review.schema.ts';
import { loadQuery, lockQuery } from './review-context.ts';
import { queryView } from './review-views.ts';

export async function closeQuery(deps: AppDeps, caller: Caller, input: QueryParams): Promise<ClosedQuery> {
  const db = deps.database.db;
  const ctx = await loadQuery(db, input.cycleId, input.queryId);
  authorize(canCloseQuery(caller.user, ctx.facts));
  const now = deps.clock.now();
  await db.transaction(async (tx) => {
    const current = await lockQuery(tx, ctx);
    authorize(canCloseQuery(caller.user, current.facts));
    await repo.setQueryStatus(tx, ctx.query.id, 'closed', now);
    await audit(tx, caller, now, {
      action: 'review.query_close',
      entityType: 'query',
      entityId: ctx.query.id,
      cycleId: ctx.cycle.id,
      agencyId: ctx.agencyId,
      oldValue: { status: current.query.status },
      newValue: { status: 'closed' },
    });
  });
  return { query: await queryView(db, ctx.query.id) };
}
