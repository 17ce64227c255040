/** A unit and a change of the registry as the use cases answer with them. */
import type { Executor } from '../../db/open.ts';
import * as repo from './agencies.repo.ts';
import type { AgencyRef, AgencyView, EventView } from './agencies.schema.ts';

export const agencyView = (a: repo.AgencyRow): AgencyView => ({
  id: a.id,
  code: a.code,
  name: a.name,
  shortName: a.shortName,
  groupId: a.groupId,
  website: a.website,
  email: a.email,
  validFrom: a.validFrom,
  validTo: a.validTo,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

const refOf = (r: AgencyRef): AgencyRef => ({
  id: r.id,
  code: r.code,
  name: r.name,
  groupId: r.groupId,
  validFrom: r.validFrom,
  validTo: r.validTo,
});

/** Events with the units on each side. */
export async function eventViews(
  db: Executor,
  events: readonly Omit<repo.AgencyEventRow, 'createdBy'>[],
): Promise<EventView[]> {
  const links = await repo.linksOf(
    db,
    events.map((e) => e.id),
  );
  return events.map((e) => ({
    id: e.id,
    kind: e.kind,
    effectiveDate: e.effectiveDate,
    decisionRef: e.decisionRef,
    note: e.note,
    createdAt: e.createdAt.toISOString(),
    from: links.filter((l) => l.eventId === e.id && l.role === 'from').map(refOf),
    to: links.filter((l) => l.eventId === e.id && l.role === 'to').map(refOf),
  }));
}
