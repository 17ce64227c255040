/**
 * What the results screens read and send (src/server/modules/results/results.routes.ts is the
 * contract): the ranking of both groups, one agency at a glance, the published revisions, the
 * approver's decisions, and the criteria names that make a criterion id readable.
 */
import { api, type Cycle, type CycleState } from '../../api.ts';

export interface Text {
  vi: string;
  en?: string;
}

/** A bilingual text in the reader's language (Vietnamese when there is no translation). */
export { pick as tx } from '../../i18n/messages.ts';

export type NotRankedReason = 'late' | 'missing';

export interface RevisionMeta {
  number: number;
  reason: string | null;
  publishedAt: string;
  publishedBy: string | null;
  contentHash: string;
  verified?: boolean;
}

export interface ClassBand {
  id: string;
  label: Text;
  min: number;
}

export interface RankingRow {
  agencyId: string;
  code: string;
  name: string;
  rank: number;
  total: number;
  class: string;
  classLabel: Text;
  categories: { id: string; points: number; max: number }[];
  criteria: Record<string, number>;
}

export interface NotRankedRow {
  agencyId: string;
  code: string;
  name: string;
  reason: NotRankedReason;
  reasonLabel: Text;
}

export interface ResultGroup {
  id: string;
  name: Text;
  categories: { id: string; name: Text; max: number }[];
  ranking: RankingRow[];
  notRanked: NotRankedRow[];
}

export interface ResultsView {
  cycle: { id: string; year: number; title: string; state: CycleState; stateLabel: Text };
  preview: boolean;
  revision: RevisionMeta | null;
  criteria: { id: string; setId: string; version: string; title: string; hash: string };
  classes: ClassBand[];
  groups: ResultGroup[];
}

interface Standing {
  ranked: boolean;
  rank: number | null;
  rankedInGroup: number;
  total: number | null;
  class: string | null;
  classLabel: Text | null;
  notRankedReason: NotRankedReason | null;
  notRankedLabel: Text | null;
}

export interface AgencyView extends Standing {
  cycle: { id: string; year: number; title: string; state: CycleState };
  preview: boolean;
  revision: RevisionMeta | null;
  agency: { id: string; code: string; name: string; group: string; groupName: Text };
  categories: { id: string; name: Text; max: number; points: number | null; groupAverage: number | null }[];
  biggestLosses: {
    criterionId: string;
    name: Text;
    categoryId: string;
    points: number;
    max: number;
    lost: number;
    explanation: Text;
  }[];
  previousYear:
    | (Standing & { year: number; cycleId: string; revision: number; change: number | null })
    | null;
}

export interface CycleStateView {
  id: string;
  year: number;
  title: string;
  state: CycleState;
  stateLabel: Text;
  version: number;
  approvedAt: string | null;
  approvedBy: string | null;
  approvalNote: string | null;
  publishedAt: string | null;
}

/** The names and maxima of a criteria version, per group and category (GET /criteria/:id summary). */
export interface CriteriaSummary {
  classes: { id: string; label: Text; min: number; below: number | null }[];
  groups: {
    id: string;
    name: Text;
    categories: {
      id: string;
      name: Text;
      max: number;
      criteria: { id: string; name: Text; max: number }[];
    }[];
  }[];
}

export interface ProgressBoard {
  totals: Record<string, number>;
  agencies: {
    agencyId: string;
    code: string;
    name: string;
    group: string;
    groupName: Text;
    formState: string;
    formStateLabel: Text;
    reviewState: 'not_submitted' | 'to_review' | 'in_review' | 'reviewed';
    reviewStateLabel: Text;
    openQueries: number;
    pendingClaims: number;
  }[];
}

const base = (cycleId: string) => `/cycles/${cycleId}`;

export const resultsApi = {
  cycles: () => api<{ cycles: Cycle[] }>('/cycles'),
  results: (cycleId: string, preview = false) =>
    api<ResultsView>(`${base(cycleId)}/results${preview ? '?preview=true' : ''}`),
  revisions: (cycleId: string) => api<{ revisions: RevisionMeta[] }>(`${base(cycleId)}/results/revisions`),
  agency: (cycleId: string, agencyId: string, preview = false) =>
    api<AgencyView>(`${base(cycleId)}/results/agencies/${agencyId}${preview ? '?preview=true' : ''}`),
  criteria: (versionId: string) => api<{ summary: CriteriaSummary }>(`/criteria/${versionId}`),
  progress: (cycleId: string) => api<ProgressBoard>(`${base(cycleId)}/progress`),
  approve: (cycleId: string, note: string) =>
    api<{ cycle: CycleStateView }>(`${base(cycleId)}/approve`, {
      method: 'POST',
      body: note ? { note } : {},
    }),
  returnForReview: (cycleId: string, reason: string) =>
    api<{ cycle: CycleStateView }>(`${base(cycleId)}/return`, { method: 'POST', body: { reason } }),
  publish: (cycleId: string, reason: string) =>
    api<{ cycle: CycleStateView; revision: RevisionMeta }>(`${base(cycleId)}/publish`, {
      method: 'POST',
      body: reason ? { reason } : {},
    }),
  revise: (cycleId: string, reason: string) =>
    api<{ cycle: CycleStateView }>(`${base(cycleId)}/revise`, { method: 'POST', body: { reason } }),
};

/** Roles that may preview the unpublished ranking, and those that may download the exports. */
export const PREVIEW_ROLES = ['admin', 'assessor', 'approver'] as const;
export const EXPORT_ROLES = ['viewer', 'admin', 'assessor', 'approver'] as const;
export const PREVIEW_STATES: readonly CycleState[] = ['under_review', 'approved'];
