/** The administrator adds a unit to the registry, valid from a date (today in Vietnam by default). */
import { audit } from '../../platform/audit.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { canChangeRegistry } from './agencies.policy.ts';
import * as repo from './agencies.repo.ts';
import type { AddAgencyBody, AgencyAnswer } from './agencies.schema.ts';
import { agencyView } from './agency-views.ts';
import { vnDateOf } from './registry-dates.ts';
import { assertCodesFree, checkDate, codeTaken, newUnit } from './unit-fields.ts';

export async function addAgency(deps: AppDeps, caller: Caller, input: AddAgencyBody): Promise<AgencyAnswer> {
  authorize(canChangeRegistry(caller.user));
  const db = deps.database.db;
  const unit = newUnit('', input, {});
  const validFrom = input.validFrom
    ? checkDate('validFrom', input.validFrom, { vi: 'Ngày bắt đầu hiệu lực', en: 'validFrom' })
    : vnDateOf(deps.clock.now());
  const now = deps.clock.now();
  try {
    const row = await db.transaction(async (tx) => {
      await assertCodesFree(tx, [{ field: 'code', code: unit.code }]);
      const created = await repo.insertAgency(tx, { ...unit, validFrom, now });
      await audit(tx, caller, now, {
        action: 'agency.create',
        entityType: 'agency',
        entityId: created.id,
        agencyId: created.id,
        newValue: { ...unit, validFrom },
      });
      return created;
    });
    return { agency: agencyView(row) };
  } catch (e) {
    if (repo.isUniqueViolation(e, 'agencies_code_key')) throw codeTaken();
    throw e;
  }
}
