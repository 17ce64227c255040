/**
 * The agency's values as the values section sets them out: by category, then by the criteria that
 * read them (a field read by two criteria appears under both), then the fields no criterion reads;
 * narrowed by the assessor's filter, and each category marked when something in it was corrected
 * or flagged, so that it opens by itself.
 */
import type { CriterionComparison, FieldValue, ReviewPageData } from './reviewApi.ts';
import { pick } from './text.ts';

export interface ValuesFilter {
  /** Words of the field's label, or its key. */
  text: string;
  /** Only the fields corrected, marked or flagged by a logic check. */
  onlyChanged: boolean;
}

export interface CategoryValues {
  category: ReviewPageData['comparison']['self']['categories'][number];
  officialPoints: number;
  /** Something in it was corrected or flagged: it is open without a click. */
  notable: boolean;
  criteria: { criterion: CriterionComparison; fields: FieldValue[] }[];
}

/** The fields a logic check flags. */
export const flaggedFields = (data: Pick<ReviewPageData, 'findings'>): Set<string> =>
  new Set(data.findings.flatMap((f) => f.fields));

export function valuesLayout(
  data: Pick<ReviewPageData, 'values' | 'findings' | 'comparison'>,
  filter: ValuesFilter,
): { categories: CategoryValues[]; others: FieldValue[] } {
  const byKey = new Map(data.values.map((v) => [v.key, v]));
  const flagged = flaggedFields(data);
  const needle = filter.text.trim().toLocaleLowerCase('vi');
  const keep = (f: FieldValue) =>
    (!filter.onlyChanged || f.corrected || f.history.length > 0 || flagged.has(f.key)) &&
    (!needle || pick(f.label).toLocaleLowerCase('vi').includes(needle) || f.key.includes(needle));
  const shown = (keys: readonly string[]) =>
    keys.map((k) => byKey.get(k)).filter((f): f is FieldValue => f !== undefined && keep(f));

  const placed = new Set<string>();
  const categories: CategoryValues[] = [];
  for (const category of data.comparison.self.categories) {
    const criteria = data.comparison.criteria.filter((c) => c.categoryId === category.id);
    for (const c of criteria) for (const k of c.fields) placed.add(k);
    const blocks = criteria
      .map((criterion) => ({ criterion, fields: shown(criterion.fields) }))
      .filter((b) => b.fields.length);
    if (blocks.length === 0) continue;
    categories.push({
      category,
      officialPoints: data.comparison.official.categories.find((o) => o.id === category.id)?.points ?? 0,
      notable: criteria.some((c) => c.fields.some((k) => byKey.get(k)?.history.length || flagged.has(k))),
      criteria: blocks,
    });
  }
  const others = shown(data.values.filter((v) => !placed.has(v.key)).map((v) => v.key));
  return { categories, others };
}
