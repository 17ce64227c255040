/**
 * The data a results screen needs, read once and shared through TanStack Query: the cycle (its
 * state decides between the published result and the staff's provisional preview), the ranking,
 * the published revisions, the criteria names, and the agencies' totals of earlier published years.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import type { Cycle, User } from '../../api.ts';
import { useLocation } from '../../router.tsx';
import { earlierPublished, pointsOf } from './history.ts';
import { MODE_PARAM, previewMode } from './mode.ts';
import { type Predecessor, type ResultsView, resultsApi } from './resultsApi.ts';

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
  return previewMode(user, cycle, search.get(MODE_PARAM));
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

/**
 * Totals per agency of every published year before `year` (each year's latest revision), by its
 * code and its predecessors' (renamed, merged, split), so that no year of its lineage is lost.
 */
export function useHistory(cycles: readonly Cycle[] | undefined, year: number | undefined) {
  const earlier = earlierPublished(cycles ?? [], year);
  const results = useQueries({
    queries: earlier.map((c) => ({
      queryKey: ['results', c.id, false],
      queryFn: () => resultsApi.results(c.id, false),
      retry: false,
    })),
  });
  const loaded = results.map((r) => r.data).filter((d): d is ResultsView => !!d);
  return {
    pending: results.some((r) => r.isPending),
    byCode: (code: string, predecessors: readonly Predecessor[] = []) => pointsOf(loaded, code, predecessors),
  };
}
