/**
 * What every indicators use case starts from: the published years, the indicators of the
 * criteria set they were scored with, and each year's agencies ready for the core's aggregation.
 */
import { bundledSet } from '../../../core/criteria/bundled.ts';
import { type Indicator, indicatorFields, indicatorGroups } from '../../../core/criteria/indicators.ts';
import type { CriteriaSet } from '../../../core/criteria/schema.ts';
import * as X from '../../../core/exact.ts';
import type { IndicatorAgency, IndicatorYear } from '../../../core/indicators/aggregate.ts';
import type { Text } from '../../../core/types.ts';
import type { Executor } from '../../db/open.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { type PublishedDoc, publishedDocs } from './indicators.repo.ts';
import type { IndicatorDef, PublishedYear } from './indicators.schema.ts';

export interface YearAgency extends IndicatorAgency {
  readonly code: string;
}

/** A published year with its agencies. */
export interface YearOf extends IndicatorYear {
  readonly agencies: readonly YearAgency[];
}

export interface Context {
  readonly docs: readonly PublishedDoc[];
  readonly years: readonly YearOf[];
  readonly indicators: readonly { def: Indicator; groups: string[]; view: IndicatorDef }[];
  readonly groups: readonly { id: string; name: Text }[];
  readonly set: CriteriaSet | null;
}

/**
 * The indicators of the latest published year's criteria version. A version stored before the
 * format had indicators falls back to the bundled set of the same id: indicators never change a
 * score, so reading them from the newer file cannot change a published result.
 */
function indicatorsOf(set: CriteriaSet): Indicator[] {
  if (set.indicators?.length) return set.indicators;
  const bundled = bundledSet(set.id);
  return bundled?.indicators ?? [];
}

/** "Σ computers with antivirus / Σ computers × 100", in words, from the fields' labels. */
function howText(ind: Indicator, set: CriteriaSet): Text {
  const label = (key: string, lang: 'vi' | 'en'): string => {
    const f = set.fields.find((x) => x.key === key) ?? set.derived.find((x) => x.key === key);
    const l = (f && 'shortLabel' in f && f.shortLabel) || f?.label;
    return (lang === 'en' ? l?.en : undefined) ?? l?.vi ?? key;
  };
  const [a, b] = indicatorFields(ind);
  const scale = (ind.scale ?? 1) !== 1 ? ` × ${ind.scale}` : '';
  switch (ind.aggregate) {
    case 'sum':
      return { vi: `Tổng của các cơ quan: ${label(a!, 'vi')}`, en: `Sum over agencies: ${label(a!, 'en')}` };
    case 'mean':
      return {
        vi: `Trung bình các cơ quan: ${label(a!, 'vi')}`,
        en: `Mean over agencies: ${label(a!, 'en')}`,
      };
    case 'share':
      return {
        vi: `Tổng "${label(a!, 'vi')}" / tổng "${label(b!, 'vi')}"${scale}`,
        en: `Sum of "${label(a!, 'en')}" / sum of "${label(b!, 'en')}"${scale}`,
      };
  }
}

export async function loadContext(db: Executor): Promise<Context> {
  const docs = await publishedDocs(db);
  const last = docs.at(-1);
  if (!last) return { docs, years: [], indicators: [], groups: [], set: null };
  const { set } = await criteriaVersion(db, last.criteriaVersionId);
  const groupIds = set.groups.map((g) => g.id);
  const kind = (key: string, gid: string): string | undefined => {
    const f = set.fields.find((x) => x.key === key);
    if (f) return !f.groups || f.groups.includes(gid) ? f.type : undefined;
    const d = set.derived.find((x) => x.key === key);
    return d?.sum.every((p) => kind(p, gid) !== undefined) ? 'derived' : undefined;
  };
  const indicators = indicatorsOf(set)
    // An indicator of the bundled file whose fields this version lacks is left out, not broken.
    .filter((def) => indicatorFields(def).every((k) => groupIds.some((g) => kind(k, g) !== undefined)))
    .map((def) => {
      const groups = indicatorGroups(def, groupIds, kind);
      const view: IndicatorDef = {
        id: def.id,
        label: def.label,
        unit: def.unit,
        help: def.help ?? null,
        aggregate: def.aggregate,
        howText: howText(def, set),
        higherIsBetter: def.higherIsBetter,
        groups,
        threshold: def.threshold ?? null,
      };
      return { def, groups, view };
    });
  const years = docs.map((d) => ({
    year: d.year,
    agencies: d.content.agencies.map(
      (a): YearAgency => ({ key: a.agencyId, code: a.code, name: a.name, group: a.group, values: a.values }),
    ),
  }));
  return { docs, years, indicators, groups: set.groups.map((g) => ({ id: g.id, name: g.name })), set };
}

/** The years as the page lists them. */
export const publishedYears = (ctx: Context): PublishedYear[] =>
  ctx.docs.map((d) => ({
    year: d.year,
    cycleId: d.cycleId,
    revision: d.revision,
    publishedAt: d.content.publishedAt,
    agencies: d.content.agencies.length,
  }));

/** A figure as the views carry it: rounded half up to 0.01. */
export const num = (v: X.Q | null | undefined): number | null => (v ? X.roundHundredths(v) / 100 : null);
