/**
 * Everyone signed in reads the registry: the units valid on a date (today in Vietnam by default)
 * or its whole history, one unit with the changes that ended or started it, and the latest
 * changes. A reporter sees its own unit only, and not the changes.
 */
import { notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { canReadAgency, canReadChanges, registryScope } from './agencies.policy.ts';
import * as repo from './agencies.repo.ts';
import type { AgencyHistory, AgencyParams, EventList, Registry, RegistryQuery } from './agencies.schema.ts';
import { agencyView, eventViews } from './agency-views.ts';
import { vnDateOf } from './registry-dates.ts';
import { checkDate } from './unit-fields.ts';

/** Every signed-in role reads the registry; the policy limits a reporter to its own unit. */
export async function readRegistry(deps: AppDeps, caller: Caller, input: RegistryQuery): Promise<Registry> {
  const db = deps.database.db;
  const options = { group: input.group, id: registryScope(caller.user) };
  if (input.all === 'true')
    return { validOn: null, agencies: (await repo.allAgencies(db, options)).map(agencyView) };
  const validOn = input.validOn
    ? checkDate('validOn', input.validOn, { vi: 'Ngày xem danh sách', en: 'validOn' })
    : vnDateOf(deps.clock.now());
  return { validOn, agencies: (await repo.agenciesValidOn(db, validOn, options)).map(agencyView) };
}

/** One unit with the changes that ended or started it, and the units on the other side. */
export async function readAgency(deps: AppDeps, caller: Caller, input: AgencyParams): Promise<AgencyHistory> {
  authorize(canReadAgency(caller.user, input.id));
  const db = deps.database.db;
  const row = await repo.findAgency(db, input.id);
  if (!row) throw notFound({ vi: 'cơ quan', en: 'agency' });
  return { agency: agencyView(row), history: await eventViews(db, await repo.eventsOf(db, input.id)) };
}

/** How many of the latest changes the registry page shows. */
const RECENT_CHANGES = 200;

/** The latest changes of the registry. */
export async function readChanges(deps: AppDeps, caller: Caller): Promise<EventList> {
  authorize(canReadChanges(caller.user));
  const db = deps.database.db;
  return { events: await eventViews(db, await repo.recentEvents(db, RECENT_CHANGES)) };
}
