/**
 * The figures the results screens compute from a result: a group's highest possible total and its
 * averages per category, how many agencies fall in each class, an agency's categories by the
 * points they lost, its change since last year. Hundredths are rounded once, here, as published.
 */
import { scoreVn } from '../../format.ts';
import { sortedClasses } from './classBands.ts';
import { type AgencyView, type ClassBand, type RankingRow, type ResultGroup, tx } from './resultsApi.ts';

const hundredths = (n: number) => Math.round(n * 100) / 100;

/** The highest possible total of a group (the sum of its categories' maxima). */
export const groupMax = (g: { categories: { max: number }[] }): number =>
  hundredths(g.categories.reduce((s, c) => s + c.max, 0));

/** Average points per category over the ranked agencies of a group, to the hundredth. */
export function categoryAverages(group: ResultGroup): Map<string, number> {
  const n = group.ranking.length;
  return new Map(
    group.categories.map((c) => {
      const sum = group.ranking.reduce(
        (s, r) => s + Math.round((r.categories.find((x) => x.id === c.id)?.points ?? 0) * 100),
        0,
      );
      return [c.id, n ? Math.round(sum / n) / 100 : 0];
    }),
  );
}

/** How many ranked agencies are in each class, highest class first. */
export const classDistribution = (rows: readonly RankingRow[], classes: readonly ClassBand[]) =>
  sortedClasses(classes).map((c) => ({ band: c, n: rows.filter((r) => r.class === c.id).length }));

/** "3 Tốt, 5 Khá, 1 Trung bình" for a chart's text alternative; classes nobody is in are left out. */
export const classCounts = (rows: readonly RankingRow[], classes: readonly ClassBand[]): string =>
  classDistribution(rows, classes)
    .filter((x) => x.n > 0)
    .map((x) => `${x.n} ${tx(x.band.label)}`)
    .join(', ');

/** The ranking by total, highest first (ties by rank), as the totals chart draws it. */
export const byTotal = (rows: readonly RankingRow[]): RankingRow[] =>
  [...rows].sort((a, b) => b.total - a.total || a.rank - b.rank);

/** A ranked agency's categories with the points each lost, the biggest loss first. */
export const categoriesByLoss = (a: Pick<AgencyView, 'ranked' | 'categories'>) =>
  a.ranked
    ? a.categories
        .map((c) => ({ ...c, lost: hundredths(c.max - (c.points ?? 0)) }))
        .sort((x, y) => y.lost - x.lost)
    : [];

/** The change of the total since last year with its sign: "+2,50", "-1,00", "0,00". */
export const changeText = (change: number): string => `${change > 0 ? '+' : ''}${scoreVn(change)}`;
