/**
 * An agency against its peers (Điều 3.2): each indicator's value of the agency beside its group's
 * median and best, year by year. Earlier years follow the agency's lineage (agencies/lineage.ts):
 * a renamed agency's year is its former name's, a merged agency's year combines the units merged
 * into it (Σ numerators / Σ denominators, so the figure is the merged unit's as if it had existed).
 * Other agencies appear only as the group's median and best values, never by name.
 */
import { eq } from 'drizzle-orm';
import { scopeFigure } from '../../../core/indicators/aggregate.ts';
import { agencies } from '../../db/schema.ts';
import { notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { lineageOf } from '../agencies/lineage.ts';
import { loadContext, num } from './indicator-context.ts';
import { canReadAgencyComparison } from './indicators.policy.ts';
import type { AgencyParams, PeerPoint, PeerView } from './indicators.schema.ts';

export async function readPeers(deps: AppDeps, caller: Caller, params: AgencyParams): Promise<PeerView> {
  authorize(canReadAgencyComparison(caller.user, params.agencyId));
  const db = deps.database.db;
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, params.agencyId));
  if (!agency) throw notFound({ vi: 'cơ quan này', en: 'this agency' });
  const ctx = await loadContext(db);
  const predecessors = await lineageOf(db, agency.id);
  // Per year, the units whose figures are the agency's: itself when it existed, else its nearest
  // predecessors present that year (one for a rename, several for a merger).
  const unitsOf = ctx.years.map((y) => {
    const own = y.agencies.filter((a) => a.key === agency.id);
    if (own.length) return own;
    for (const p of predecessors) {
      const found = y.agencies.filter((a) => a.key === p.agencyId);
      if (found.length) {
        const sameStep = predecessors.filter((q) => q.kind === p.kind && q.effectiveDate === p.effectiveDate);
        return y.agencies.filter((a) => sameStep.some((q) => q.agencyId === a.key));
      }
    }
    return [];
  });
  const indicators = ctx.indicators
    .filter((i) => i.groups.includes(agency.groupId))
    .map((i) => ({
      indicator: i.view,
      points: ctx.years.map((y, k): PeerPoint => {
        const units = unitsOf[k]!;
        const group = units[0]?.group ?? null;
        const own = units.length ? scopeFigure(i.def, units) : null;
        const peers =
          group && i.groups.includes(group)
            ? scopeFigure(
                i.def,
                y.agencies.filter((a) => a.group === group),
              )
            : null;
        return {
          year: y.year,
          value: num(own?.value),
          groupMedian: num(peers?.median),
          groupBest: num(peers?.best?.value),
          group,
          asUnits: units.filter((u) => u.key !== agency.id).map((u) => u.name),
        };
      }),
    }));
  return {
    agency: { id: agency.id, code: agency.code, name: agency.name, group: agency.groupId },
    years: ctx.years.map((y) => y.year),
    indicators,
  };
}
