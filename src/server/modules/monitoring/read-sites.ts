/** An agency's monitored sites, the current ones and their history (the agency's admin screen). */
import { notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { canReadMonitoring } from './monitoring.policy.ts';
import * as repo from './monitoring.repo.ts';
import type { AgencyParams, SitesAnswer } from './monitoring.schema.ts';
import { siteView } from './monitoring-views.ts';

export async function readSites(deps: AppDeps, caller: Caller, input: AgencyParams): Promise<SitesAnswer> {
  authorize(canReadMonitoring(caller.user, input.agencyId));
  const db = deps.database.db;
  if (!(await repo.findAgency(db, input.agencyId))) throw notFound({ vi: 'cơ quan', en: 'agency' });
  const rows = (await repo.sitesOf(db, input.agencyId)).map(siteView);
  return { current: rows.filter((s) => s.validTo === null), history: rows.filter((s) => s.validTo !== null) };
}
