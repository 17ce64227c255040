/** An agency's monitored sites, the current ones and their history (the agency's admin screen). */
import { fieldName } from '../../../core/input/values.ts';
import { notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { criteriaForAgency } from '../website-checks/check-values.ts';
import { canReadMonitoring } from './monitoring.policy.ts';
import * as repo from './monitoring.repo.ts';
import type { AgencyParams, SitesAnswer } from './monitoring.schema.ts';
import { siteView } from './monitoring-views.ts';

export async function readSites(deps: AppDeps, caller: Caller, input: AgencyParams): Promise<SitesAnswer> {
  authorize(canReadMonitoring(caller.user, input.agencyId));
  const db = deps.database.db;
  const agency = await repo.findAgency(db, input.agencyId);
  if (!agency) throw notFound({ vi: 'cơ quan', en: 'agency' });
  const rows = (await repo.sitesOf(db, input.agencyId)).map(siteView);
  const { group } = await criteriaForAgency(db, agency);
  return {
    current: rows.filter((s) => s.validTo === null),
    history: rows.filter((s) => s.validTo !== null),
    fields: group.fields
      .filter((f) => f.source === 'monitoring')
      .map((f) => ({ key: f.key, name: { vi: fieldName(f, 'vi'), en: fieldName(f, 'en') }, type: f.type })),
  };
}
