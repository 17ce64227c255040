/**
 * The choices of the history's filters, within what the caller may read: the agencies (a
 * reporter's own), the people, and the form fields of the cycles' criteria (a field by the label
 * of the newest cycle that has it; the bundled set's before any cycle exists).
 */
import { bundledCompiledSet, DEFAULT_SET_ID } from '../../../core/criteria/bundled.ts';
import type { CompiledSet } from '../../../core/criteria/compile.ts';
import { pick } from '../../../core/format.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { canReadHistory, historyScope } from './audit.policy.ts';
import * as repo from './audit.repo.ts';
import type { HistoryOptions } from './audit.schema.ts';

export async function readHistoryOptions(deps: AppDeps, caller: Caller): Promise<HistoryOptions> {
  authorize(canReadHistory(caller.user));
  const scope = historyScope(caller.user)!;
  const db = deps.database.db;
  const agencies = (await repo.allAgencies(db)).filter((a) => !scope.agencyId || a.id === scope.agencyId);
  const people = await repo.people(db, scope.agencyId);

  const sets: CompiledSet[] = [];
  const seen = new Set<string>();
  for (const c of await repo.cycleVersions(db))
    if (!seen.has(c.criteriaVersionId)) {
      seen.add(c.criteriaVersionId);
      sets.push((await criteriaVersion(db, c.criteriaVersionId)).compiled);
    }
  if (!sets.length) sets.push(bundledCompiledSet(DEFAULT_SET_ID)!);
  // A reporter's form has the agency's fields; the department also sets the reviewer's.
  const sources = caller.user.role === 'reporter' ? ['agency'] : ['agency', 'reviewer'];
  const fields = new Map<string, HistoryOptions['fields'][number]>();
  for (const set of sets)
    for (const f of set.fieldsByKey.values())
      if (sources.includes(f.source) && !fields.has(f.key))
        fields.set(f.key, {
          key: f.key,
          label: { vi: pick(f.shortLabel ?? f.label, 'vi'), en: pick(f.shortLabel ?? f.label, 'en') },
        });
  return { agencies, people, fields: [...fields.values()] };
}
