/** An agency's standing year after year: the points the trend chart draws, from published results. */
import type { Cycle } from '../../api.ts';
import { m } from './messages.ts';
import { type AgencyView, type Predecessor, type ResultsView, tx } from './resultsApi.ts';

export interface YearPoint {
  year: number;
  total: number | null;
  /** The class or, when not ranked, the reason, in words. */
  label: string;
  rank: number | null;
  of: number;
  /** The year belongs to a predecessor (renamed, merged, split): its label, in words. */
  via?: string;
}

/** The cycles whose published result counts as history for `year`: the earlier published ones. */
export const earlierPublished = (cycles: readonly Cycle[], year: number | undefined): Cycle[] =>
  cycles.filter((c) => year !== undefined && c.year < year && c.state === 'published');

const notRankedLabel = (reason: Parameters<typeof tx>[0]) => `${m('notRanked.short')}: ${tx(reason)}`;

/**
 * One agency's standing in each of the given results documents, by its code and those of its
 * predecessors (the server's lineage: an old name, the units merged into it, the unit it was split
 * from), each predecessor's year labelled. A year with several predecessors has several points.
 */
export function pointsOf(
  docs: readonly ResultsView[],
  code: string,
  predecessors: readonly Pick<Predecessor, 'code' | 'label'>[] = [],
): YearPoint[] {
  const members = [{ code, via: undefined as string | undefined }].concat(
    predecessors.map((p) => ({ code: p.code, via: tx(p.label) })),
  );
  const out: YearPoint[] = [];
  for (const d of docs)
    for (const { code: c, via } of members)
      for (const g of d.groups) {
        const of = g.ranking.length;
        const tag = via === undefined ? {} : { via };
        const r = g.ranking.find((x) => x.code === c);
        if (r)
          out.push({ year: d.cycle.year, total: r.total, label: tx(r.classLabel), rank: r.rank, of, ...tag });
        const n = g.notRanked.find((x) => x.code === c);
        if (n)
          out.push({
            year: d.cycle.year,
            total: null,
            label: notRankedLabel(n.reasonLabel),
            rank: null,
            of,
            ...tag,
          });
      }
  return out;
}

/** This year's point of the agency's own page. */
export const yearPointOf = (a: AgencyView): YearPoint => ({
  year: a.cycle.year,
  total: a.total,
  label: a.ranked ? tx(a.classLabel) : notRankedLabel(a.notRankedLabel),
  rank: a.rank,
  of: a.rankedInGroup,
});
