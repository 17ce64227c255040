/**
 * The administrator corrects a unit's details (name, short name, website, e-mail). A change of
 * name here is a correction, with the old and new name in the audit; a formal rename is a change
 * of the registry (record-change.ts) that ends the unit and starts a new one.
 */
import { audit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { canChangeRegistry } from './agencies.policy.ts';
import * as repo from './agencies.repo.ts';
import type { AgencyAnswer, AgencyParams, EditAgencyBody } from './agencies.schema.ts';
import { agencyView } from './agency-views.ts';
import { checkName, checkWebsite, optionalText } from './unit-fields.ts';

export async function editAgency(
  deps: AppDeps,
  caller: Caller,
  input: AgencyParams & EditAgencyBody,
): Promise<AgencyAnswer> {
  authorize(canChangeRegistry(caller.user));
  const { id } = input;
  const now = deps.clock.now();
  const next: Partial<Pick<repo.AgencyRow, 'name' | 'shortName' | 'website' | 'email'>> = {};
  if (input.name !== undefined) next.name = checkName('name', input.name);
  if (input.shortName !== undefined) next.shortName = optionalText(input.shortName);
  if (input.website !== undefined) next.website = checkWebsite('website', input.website);
  if (input.email !== undefined) next.email = input.email?.trim() || null;
  const row = await deps.database.db.transaction(async (tx) => {
    const [before] = await repo.lockAgencies(tx, [id]);
    if (!before) throw notFound({ vi: 'cơ quan', en: 'agency' });
    const keys = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== before[k]);
    if (!keys.length) return before;
    const updated = await repo.updateAgency(tx, id, { ...next, updatedAt: now });
    await audit(tx, caller, now, {
      action: 'agency.update',
      entityType: 'agency',
      entityId: id,
      agencyId: id,
      oldValue: Object.fromEntries(keys.map((k) => [k, before[k]])),
      newValue: Object.fromEntries(keys.map((k) => [k, next[k]])),
    });
    return updated!;
  });
  return { agency: agencyView(row) };
}
