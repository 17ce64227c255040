/**
 * Indicators across agencies (criteria/indicators.ts): per year, per group and province-wide,
 * the combined value, how many agencies reported, the spread (best, median, weakest agency), the
 * change from the year before and the agencies on the wrong side of a threshold. Pure and exact
 * (exact.ts): the figures a department quotes to the People's Committee must add up.
 */

import type { Indicator } from '../criteria/indicators.ts';
import * as X from '../exact.ts';
import type { Values } from '../types.ts';

/** One agency's data of one year, as the published result holds it. */
export interface IndicatorAgency {
  /** Follows the agency across renames, so that its years line up (lineage). */
  readonly key: string;
  readonly name: string;
  readonly group: string;
  readonly values: Values;
}

export interface IndicatorYear {
  readonly year: number;
  readonly agencies: readonly IndicatorAgency[];
}

/** An agency's own value of an indicator. */
export interface AgencyValue {
  readonly key: string;
  readonly name: string;
  readonly value: X.Q;
}

/** The indicator over one scope (a group, or the province) in one year. */
export interface ScopeFigure {
  /** The combined value, or null when no agency reported. */
  readonly value: X.Q | null;
  /** Agencies whose data gives the indicator. */
  readonly reporting: number;
  readonly median: X.Q | null;
  readonly best: AgencyValue | null;
  readonly weakest: AgencyValue | null;
  /** The value minus the same scope's value the year before (null without both). */
  readonly change: X.Q | null;
  /** Agencies worse than the threshold (below it, or above when lower is better), worst first. */
  readonly belowThreshold: readonly AgencyValue[];
  /** Every reporting agency's value, best first. */
  readonly agencies: readonly AgencyValue[];
}

export interface YearFigures {
  readonly year: number;
  readonly province: ScopeFigure;
  readonly groups: Readonly<Record<string, ScopeFigure>>;
}

/** A number of a form, exactly; undefined when the value is missing or not a number. */
export function numeric(v: unknown): X.Q | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return X.fromNumber(v);
  if (typeof v === 'string' && v.trim() !== '') {
    try {
      return X.fromDecimalString(v);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The parts an agency contributes: numerator and denominator (1 for a sum or a mean). */
function parts(ind: Indicator, values: Values): { num: X.Q; den: X.Q } | undefined {
  if (ind.aggregate === 'share') {
    const num = numeric(values[ind.numerator ?? '']);
    const den = numeric(values[ind.denominator ?? '']);
    if (!num || !den || X.sign(den) <= 0) return undefined;
    return { num, den };
  }
  const v = numeric(values[ind.field ?? '']);
  return v ? { num: v, den: X.ONE } : undefined;
}

/** One agency's value of the indicator (its own share, or its field), or undefined. */
export function agencyValue(ind: Indicator, values: Values): X.Q | undefined {
  const p = parts(ind, values);
  if (!p) return undefined;
  return ind.aggregate === 'share' ? X.mulDiv(p.num, X.fromNumber(ind.scale ?? 1), p.den) : p.num;
}

/** Negative when `a` is better than `b` for this indicator; ties by name then key, for a stable order. */
const collator = new Intl.Collator('vi');
function better(ind: Indicator): (a: AgencyValue, b: AgencyValue) => number {
  const dir = ind.higherIsBetter ? -1 : 1;
  return (a, b) =>
    dir * X.cmp(a.value, b.value) || collator.compare(a.name, b.name) || (a.key < b.key ? -1 : 1);
}

/** Whether `v` is on the wrong side of `threshold` (strictly). */
export const isBelow = (ind: Indicator, v: X.Q, threshold: X.Q): boolean =>
  ind.higherIsBetter ? X.cmp(v, threshold) < 0 : X.cmp(v, threshold) > 0;

/** The median of values (the mean of the two middle ones for an even count). */
export function median(xs: readonly X.Q[]): X.Q | null {
  if (!xs.length) return null;
  const s = [...xs].sort(X.cmp);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : X.mean([s[m - 1]!, s[m]!]);
}

/** Σ for a sum, the mean for a mean, Σ numerator / Σ denominator × scale for a share. */
function combined(ind: Indicator, num: X.Q, den: X.Q, scale: X.Q): X.Q {
  if (ind.aggregate === 'sum') return num;
  if (ind.aggregate === 'mean') return X.div(num, den);
  return X.mulDiv(num, scale, den);
}

/**
 * The indicator over the given agencies of one year, before the year-on-year change. With
 * `list: false` (and no threshold) only the value and the spread are computed, not the ordered
 * list of agencies: the summary of every indicator needs no more.
 */
export function scopeFigure(
  ind: Indicator,
  agencies: readonly IndicatorAgency[],
  threshold?: X.Q,
  options: { list?: boolean } = {},
): Omit<ScopeFigure, 'change'> {
  let num = X.ZERO;
  let den = X.ZERO;
  const own: AgencyValue[] = [];
  const scale = X.fromNumber(ind.scale ?? 1);
  for (const a of agencies) {
    const p = parts(ind, a.values);
    if (!p) continue;
    num = X.add(num, p.num);
    den = X.add(den, p.den);
    own.push({
      key: a.key,
      name: a.name,
      value: ind.aggregate === 'share' ? X.mulDiv(p.num, scale, p.den) : p.num,
    });
  }
  const order = better(ind);
  if (options.list === false && !threshold) {
    // Only the spread: best and weakest in one pass, the median from the values alone.
    let best: AgencyValue | null = null;
    let weakest: AgencyValue | null = null;
    for (const a of own) {
      if (!best || order(a, best) < 0) best = a;
      if (!weakest || order(a, weakest) > 0) weakest = a;
    }
    return {
      value: own.length ? combined(ind, num, den, scale) : null,
      reporting: own.length,
      median: median(own.map((a) => a.value)),
      best,
      weakest,
      belowThreshold: [],
      agencies: [],
    };
  }
  own.sort(order);
  const value = own.length ? combined(ind, num, den, scale) : null;
  const below = threshold ? own.filter((a) => isBelow(ind, a.value, threshold)).reverse() : [];
  return {
    value,
    reporting: own.length,
    median: median(own.map((a) => a.value)),
    best: own[0] ?? null,
    weakest: own.at(-1) ?? null,
    belowThreshold: below,
    agencies: own,
  };
}

/**
 * The indicator over the years, per group and province-wide, oldest year first. `groups` are
 * the groups it applies to (indicatorGroups); the province figure covers the agencies of those.
 * The change of a year is against the nearest earlier year given.
 */
export function indicatorYears(
  ind: Indicator,
  years: readonly IndicatorYear[],
  groups: readonly string[],
  threshold?: X.Q,
  options: { list?: boolean } = {},
): YearFigures[] {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const out: YearFigures[] = [];
  let previous: YearFigures | undefined;
  const change = (now: X.Q | null, before: X.Q | null | undefined): X.Q | null =>
    now && before ? X.sub(now, before) : null;
  for (const y of sorted) {
    const inScope = y.agencies.filter((a) => groups.includes(a.group));
    const p = scopeFigure(ind, inScope, threshold, options);
    const byGroup: Record<string, ScopeFigure> = {};
    for (const g of groups) {
      const f = scopeFigure(
        ind,
        inScope.filter((a) => a.group === g),
        threshold,
        options,
      );
      byGroup[g] = { ...f, change: change(f.value, previous?.groups[g]?.value) };
    }
    const figures: YearFigures = {
      year: y.year,
      province: { ...p, change: change(p.value, previous?.province.value) },
      groups: byGroup,
    };
    out.push(figures);
    previous = figures;
  }
  return out;
}

/**
 * The shortcomings of Điều 3.4: agencies whose own value was worse than the threshold in each of
 * the last two years given (same lineage key), with both values, worst last year first.
 */
export function persistentShortfalls(
  ind: Indicator,
  years: readonly IndicatorYear[],
  threshold: X.Q,
): { key: string; name: string; group: string; before: X.Q; now: X.Q }[] {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const last = sorted.at(-1);
  const prev = sorted.at(-2);
  if (!last || !prev || prev.year !== last.year - 1) return [];
  const prevValues = new Map<string, X.Q>();
  for (const a of prev.agencies) {
    const v = agencyValue(ind, a.values);
    if (v) prevValues.set(a.key, v);
  }
  const out: { key: string; name: string; group: string; before: X.Q; now: X.Q }[] = [];
  for (const a of last.agencies) {
    const now = agencyValue(ind, a.values);
    const before = prevValues.get(a.key);
    if (now && before && isBelow(ind, now, threshold) && isBelow(ind, before, threshold))
      out.push({ key: a.key, name: a.name, group: a.group, before, now });
  }
  const order = better(ind);
  return out.sort((a, b) => order({ ...b, value: b.now }, { ...a, value: a.now }));
}
