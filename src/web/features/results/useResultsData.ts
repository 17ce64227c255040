/**
 * The data a results screen needs, read once and shared through TanStack Query: the cycle (its
 * state decides between the published result and the staff's provisional preview), the ranking,
 * the published revisions, the criteria names, and the agencies' totals of earlier published years.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import type { Cycle, User } from '../../api.ts';
import { useLocation } from '../../router.tsx';
import type { YearPoint } from './charts/TrendChart.tsx';
import { m } from './messages.ts';
import { PREVIEW_ROLES, PREVIEW_STATES, type ResultsView, resultsApi, tx } from './resultsApi.ts';

/** `?ban=tam-tinh` asks for the provisional result, `?ban=cong-bo` for the published one. */
export const MODE_PARAM = 'ban';
export const PROVISIONAL = 'tam-tinh';
export const PUBLISHED = 'cong-bo';

export const isStaff = (user: User) => (PREVIEW_ROLES as readonly string[]).includes(user.role);

export function useCycle(cycleId: string) {
  const cycles = useQuery({ queryKey: ['cycles'], queryFn: resultsApi.cycles });
  const cycle = cycles.data?.cycles.find((c) => c.id === cycleId);
  return { cycles, cycle };
}

/**
 * Whether this reader sees the provisional (live) result: the staff do while the cycle is under
 * review or approved unless they ask for the published revision; everyone else never does.
 */
export function usePreviewMode(
  user: User,
  cycle: Cycle | undefined,
): { preview: boolean; canPreview: boolean } {
  const { search } = useLocation();
  const canPreview = isStaff(user) && !!cycle && PREVIEW_STATES.includes(cycle.state);
  const asked = search.get(MODE_PARAM);
  return { preview: canPreview && asked !== PUBLISHED, canPreview };
}

export function useResults(cycleId: string, preview: boolean, enabled: boolean) {
  return useQuery({
    queryKey: ['results', cycleId, preview],
    queryFn: () => resultsApi.results(cycleId, preview),
    enabled,
    retry: false,
  });
}

export function useCriteria(versionId: string | undefined) {
  return useQuery({
    queryKey: ['criteria', versionId],
    queryFn: () => resultsApi.criteria(versionId!),
    enabled: !!versionId,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useRevisions(cycleId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['results-revisions', cycleId],
    queryFn: () => resultsApi.revisions(cycleId),
    enabled,
    retry: false,
  });
}

/** Totals per agency code of every published year before `year` (each year's latest revision). */
export function useHistory(cycles: readonly Cycle[] | undefined, year: number | undefined) {
  const earlier = (cycles ?? []).filter(
    (c) => year !== undefined && c.year < year && c.state === 'published',
  );
  const results = useQueries({
    queries: earlier.map((c) => ({
      queryKey: ['results', c.id, false],
      queryFn: () => resultsApi.results(c.id, false),
      retry: false,
    })),
  });
  const loaded = results.map((r) => r.data).filter((d): d is ResultsView => !!d);
  return { pending: results.some((r) => r.isPending), byCode: (code: string) => pointsOf(loaded, code) };
}

/** One agency's standing in each of the given results documents. */
export function pointsOf(docs: readonly ResultsView[], code: string): YearPoint[] {
  const out: YearPoint[] = [];
  for (const d of docs)
    for (const g of d.groups) {
      const r = g.ranking.find((x) => x.code === code);
      if (r)
        out.push({
          year: d.cycle.year,
          total: r.total,
          label: tx(r.classLabel),
          rank: r.rank,
          of: g.ranking.length,
        });
      const n = g.notRanked.find((x) => x.code === code);
      if (n)
        out.push({
          year: d.cycle.year,
          total: null,
          label: `${m('notRanked.short')}: ${tx(n.reasonLabel)}`,
          rank: null,
          of: g.ranking.length,
        });
    }
  return out;
}

/** The highest possible total of a group (the sum of its categories' maxima). */
export const groupMax = (g: { categories: { max: number }[] }) =>
  Math.round(g.categories.reduce((s, c) => s + c.max, 0) * 100) / 100;
