/**
 * The province page (Điều 3.1): every indicator's latest value with its change from the year
 * before and its spread, and one chosen indicator over all published years, per group, with the
 * agencies on the wrong side of the threshold the user sets.
 */
import * as X from '../../../core/exact.ts';
import {
  type AgencyValue,
  indicatorYears,
  type ScopeFigure,
  type YearFigures,
} from '../../../core/indicators/aggregate.ts';
import { invalid } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { type Context, loadContext, num, publishedYears, type YearAgency } from './indicator-context.ts';
import { canReadProvince } from './indicators.policy.ts';
import type { AgencyFigure, ProvinceQuery, ProvinceView, ScopeView, YearView } from './indicators.schema.ts';

function figureOf(byKey: ReadonlyMap<string, YearAgency>, a: AgencyValue): AgencyFigure {
  const ag = byKey.get(a.key);
  return {
    agencyId: a.key,
    code: ag?.code ?? '',
    name: a.name,
    group: ag?.group ?? '',
    value: num(a.value)!,
  };
}

function scopeView(byKey: ReadonlyMap<string, YearAgency>, f: ScopeFigure): ScopeView {
  return {
    value: num(f.value),
    reporting: f.reporting,
    median: num(f.median),
    best: f.best ? figureOf(byKey, f.best) : null,
    weakest: f.weakest ? figureOf(byKey, f.weakest) : null,
    change: num(f.change),
  };
}

function yearView(ctx: Context, y: YearFigures): YearView {
  const agencies = ctx.years.find((x) => x.year === y.year)?.agencies ?? [];
  const byKey = new Map(agencies.map((a) => [a.key, a]));
  return {
    year: y.year,
    province: scopeView(byKey, y.province),
    groups: Object.fromEntries(Object.entries(y.groups).map(([g, f]) => [g, scopeView(byKey, f)])),
  };
}

export async function readProvince(
  deps: AppDeps,
  caller: Caller,
  query: ProvinceQuery,
): Promise<ProvinceView> {
  authorize(canReadProvince(caller.user));
  const ctx = await loadContext(deps.database.db);
  const years = publishedYears(ctx);
  const base = {
    years,
    groups: [...ctx.groups],
    criteria: ctx.set ? { setId: ctx.set.id, version: ctx.set.version } : null,
  };
  if (!ctx.years.length) return { ...base, summary: [], detail: null };
  // The summary needs only the last two years: the latest value and its change.
  const lastTwo = ctx.years.slice(-2);
  const summary = ctx.indicators.map((i) => {
    const figures = indicatorYears(i.def, lastTwo, i.groups, undefined, { list: false }).at(-1);
    return { indicator: i.view, latest: figures ? yearView(ctx, figures) : null };
  });

  const chosen = query.indicator
    ? ctx.indicators.find((i) => i.def.id === query.indicator)
    : ctx.indicators[0];
  if (query.indicator && !chosen)
    throw invalid('indicator', {
      vi: `Không có chỉ số "${query.indicator}" trong bộ tiêu chí của các năm đã công bố`,
      en: `No indicator "${query.indicator}" in the published years' criteria set`,
    });
  if (!chosen) return { ...base, summary, detail: null };
  const year = query.year ?? ctx.years.at(-1)!.year;
  if (!ctx.years.some((y) => y.year === year))
    throw invalid('year', {
      vi: `Năm ${year} chưa có kết quả công bố`,
      en: `Year ${year} has no published result`,
    });
  const threshold = query.threshold ?? chosen.def.threshold ?? null;
  const series = indicatorYears(
    chosen.def,
    ctx.years,
    chosen.groups,
    threshold === null ? undefined : X.fromNumber(threshold),
  );
  const ofYear = series.find((s) => s.year === year)!;
  const byKey = new Map(ctx.years.find((y) => y.year === year)!.agencies.map((a) => [a.key, a]));
  return {
    ...base,
    summary,
    detail: {
      indicator: chosen.view,
      year,
      threshold,
      series: series.map((s) => yearView(ctx, s)),
      belowThreshold: ofYear.province.belowThreshold.map((a) => figureOf(byKey, a)),
      agencies: ofYear.province.agencies.map((a) => figureOf(byKey, a)),
    },
  };
}
