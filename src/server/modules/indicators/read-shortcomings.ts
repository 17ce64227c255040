/**
 * The shortcomings of Điều 3.4: after a published year, the agencies that stayed on the wrong side
 * of an indicator's threshold (the criteria set's) in that year and the year before, so that the
 * People's Committee can ask for correction in time. Agencies in Vietnamese order, each with its
 * indicators; the letter asking one agency for correction is shortcoming-letter.ts.
 */
import * as X from '../../../core/exact.ts';
import { persistentShortfalls } from '../../../core/indicators/aggregate.ts';
import type { Executor } from '../../db/open.ts';
import { invalid } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { lineagesOf } from '../agencies/lineage.ts';
import { type Context, loadContext, num } from './indicator-context.ts';
import { canReadProvince } from './indicators.policy.ts';
import type { AgencyShortfalls, ShortcomingsQuery, ShortcomingsView } from './indicators.schema.ts';

const collator = new Intl.Collator('vi');

/**
 * The shortcomings of `year` (the latest published when absent) against the year before.
 * `renamedFrom` maps a unit of the year before to the agency it was renamed to (lineage): its two
 * years are one agency's. Merged units are not combined here (their figures are not one agency's).
 */
export function shortcomingsOf(
  ctx: Context,
  year?: number,
  renamedFrom: ReadonlyMap<string, string> = new Map(),
): ShortcomingsView {
  const withThreshold = ctx.indicators.filter((i) => i.def.threshold !== undefined);
  const indicators = withThreshold.map((i) => i.view);
  const y = year ?? ctx.years.at(-1)?.year;
  if (y !== undefined && year !== undefined && !ctx.years.some((x) => x.year === y))
    throw invalid('year', {
      vi: `Năm ${y} chưa có kết quả công bố`,
      en: `Year ${y} has no published result`,
    });
  const now = ctx.years.find((x) => x.year === y);
  const before = ctx.years.find((x) => x.year === (y ?? 0) - 1);
  if (!now || !before) return { year: y ?? null, previousYear: null, indicators, agencies: [] };
  const byAgency = new Map<string, AgencyShortfalls>();
  const meta = new Map(now.agencies.map((a) => [a.key, a]));
  for (const i of withThreshold) {
    const threshold = X.fromNumber(i.def.threshold!);
    const scoped = [before, now].map((yr) => ({
      year: yr.year,
      agencies: yr.agencies
        .filter((a) => i.groups.includes(a.group))
        .map((a) => (yr === before && renamedFrom.has(a.key) ? { ...a, key: renamedFrom.get(a.key)! } : a)),
    }));
    for (const s of persistentShortfalls(i.def, scoped, threshold)) {
      const a = meta.get(s.key)!;
      const entry = byAgency.get(s.key) ?? {
        agencyId: s.key,
        code: a.code,
        name: a.name,
        group: a.group,
        items: [],
      };
      entry.items.push({
        indicator: i.view,
        before: num(s.before)!,
        now: num(s.now)!,
        threshold: i.def.threshold!,
      });
      byAgency.set(s.key, entry);
    }
  }
  const agencies = [...byAgency.values()].sort((a, b) => collator.compare(a.name, b.name));
  return { year: now.year, previousYear: before.year, indicators, agencies };
}

export async function readShortcomings(
  deps: AppDeps,
  caller: Caller,
  query: ShortcomingsQuery,
): Promise<ShortcomingsView> {
  authorize(canReadProvince(caller.user));
  return loadShortcomings(deps.database.db, query.year);
}

/** The list as the page and the letters read it: the published years, followed across renames. */
export async function loadShortcomings(db: Executor, year?: number): Promise<ShortcomingsView> {
  const ctx = await loadContext(db);
  return shortcomingsOf(ctx, year, await renames(db, ctx, year));
}

/** Each unit of the year before that the year's agency was renamed from (its nearest predecessor). */
export async function renames(db: Executor, ctx: Context, year?: number): Promise<Map<string, string>> {
  const now = year === undefined ? ctx.years.at(-1) : ctx.years.find((y) => y.year === year);
  const out = new Map<string, string>();
  if (!now) return out;
  const lineages = await lineagesOf(
    db,
    now.agencies.map((a) => a.key),
  );
  for (const [agencyId, predecessors] of lineages) {
    const first = predecessors[0];
    const sameStep = predecessors.filter(
      (p) => p.kind === first?.kind && p.effectiveDate === first?.effectiveDate,
    );
    if (first?.kind === 'rename' && sameStep.length === 1) out.set(first.agencyId, agencyId);
  }
  return out;
}
