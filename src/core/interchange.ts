/**
 * The JSON output of `chiso score`, exactly as interchange.md shows it: plain numbers with at
 * most two decimals, groups in the set's order, criteria keyed by id.
 */
import type { CycleResult } from './ranking/rank.ts';

export interface InterchangeRow {
  code: string;
  rank: number;
  total: number;
  class: string;
  categories: number[];
  criteria: Record<string, number>;
}

export interface InterchangeResult {
  year: number;
  groups: {
    group: string;
    ranking: InterchangeRow[];
    notRanked: { code: string; reason: 'late' | 'missing' }[];
  }[];
}

/** Whole hundredths as a JSON number: 8566 → 85.66 (the nearest double prints as written). */
export const points = (hundredths: number): number => hundredths / 100;

export function toInterchange(result: CycleResult): InterchangeResult {
  return {
    year: result.year,
    groups: result.groups.map((g) => ({
      group: g.group.id,
      ranking: g.ranking.map((r) => ({
        code: r.code,
        rank: r.rank,
        total: points(r.score.total),
        class: r.score.classId,
        categories: r.score.categories.map((c) => points(c.points)),
        criteria: Object.fromEntries(r.score.criteria.map((k) => [k.id, points(k.points)])),
      })),
      notRanked: g.notRanked.map((n) => ({ code: n.code, reason: n.reason })),
    })),
  };
}
