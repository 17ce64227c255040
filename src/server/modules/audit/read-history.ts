/**
 * The change history a page at a time, newest first: the administrator's whole log, the
 * assessor's without accounts and jobs, a reporter's own agency's form (audit.policy.ts).
 */
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { canReadHistory, historyScope } from './audit.policy.ts';
import * as repo from './audit.repo.ts';
import type { HistoryPage, HistoryQuery } from './audit.schema.ts';
import { describeEntry } from './describe-entry.ts';
import { loadEntryFacts } from './entry-facts.ts';
import { entryFilter } from './history-filter.ts';

export async function readHistory(deps: AppDeps, caller: Caller, input: HistoryQuery): Promise<HistoryPage> {
  authorize(canReadHistory(caller.user, input.agencyId));
  const scope = historyScope(caller.user)!;
  const db = deps.database.db;
  // One row more than the page: whether there is a next page, without counting the log.
  const rows = await repo.listEntries(db, entryFilter(input, scope), {
    before: input.before,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const facts = await loadEntryFacts(db, page);
  return {
    entries: page.map((r) => describeEntry(r, facts, scope.showAddress)),
    next: rows.length > input.limit ? page[page.length - 1]!.id : null,
    scope: scope.words,
  };
}
