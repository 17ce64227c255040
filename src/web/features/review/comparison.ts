/**
 * The self-assessment against the official result, as the comparison tables set it out: per
 * category with the difference, and the criteria that differ or have a reason to be looked at.
 * The figures are the server's (review/compare.ts); only their arrangement is decided here.
 */
import type { ReviewPageData } from './reviewApi.ts';

type Comparison = ReviewPageData['comparison'];

/** Criteria whose points differ, or that carry a reason (a correction that changed nothing, a claim). */
export const differingCriteria = (c: Comparison) =>
  c.criteria.filter((k) => k.difference !== 0 || k.reasons.length > 0);

/** Each category's points on both sides, and official − self to the hundredth. */
export function categoryRows(c: Comparison) {
  const official = new Map(c.official.categories.map((x) => [x.id, x.points]));
  return c.self.categories.map((x) => {
    const o = official.get(x.id) ?? 0;
    return {
      id: x.id,
      name: x.name,
      max: x.max,
      self: x.points,
      official: o,
      difference: Math.round((o - x.points) * 100) / 100,
    };
  });
}

/** The highest possible total: the categories' maxima added up. */
export const totalMax = (c: Comparison): number => c.self.categories.reduce((s, x) => s + x.max, 0);
