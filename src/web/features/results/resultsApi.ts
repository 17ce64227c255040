/**
 * What the results screens read and send (src/server/modules/results/results.schema.ts is the
 * contract): the ranking of both groups, one agency at a glance, the published revisions, the
 * approver's decisions, the progress of the review, and the criteria names that make a criterion
 * id readable.
 */
import type { Text } from '../../../core/types.ts';
import type { CriteriaSummary } from '../../../server/modules/criteria/criteria.schema.ts';
// The shapes are the server's contract, imported as types only (nothing of the server reaches the
// bundle), so that the screens and the routes cannot drift apart.
import type { Board as ProgressBoard } from '../../../server/modules/progress/progress.schema.ts';
import type {
  AgencyView,
  ClassBand,
  CycleDecision,
  Predecessor,
  PublishResult,
  RankingRow,
  ResultGroup,
  ResultsView,
  RevisionList,
  RevisionMeta,
  RevisionSummary,
} from '../../../server/modules/results/results.schema.ts';
import { api, type Cycle, type CycleState } from '../../api.ts';

/** A bilingual text in the reader's language (Vietnamese when there is no translation). */
export { pick as tx } from '../../i18n/messages.ts';
/** The names and maxima of a criteria version, per group and category (GET /criteria/:id summary). */
export type {
  AgencyView,
  ClassBand,
  CriteriaSummary,
  Predecessor,
  ProgressBoard,
  RankingRow,
  ResultGroup,
  ResultsView,
  RevisionMeta,
  RevisionSummary,
  Text,
};

const base = (cycleId: string) => `/cycles/${cycleId}`;

export const resultsApi = {
  cycles: () => api<{ cycles: Cycle[] }>('/cycles'),
  results: (cycleId: string, preview = false) =>
    api<ResultsView>(`${base(cycleId)}/results${preview ? '?preview=true' : ''}`),
  revisions: (cycleId: string) => api<RevisionList>(`${base(cycleId)}/results/revisions`),
  agency: (cycleId: string, agencyId: string, preview = false) =>
    api<AgencyView>(`${base(cycleId)}/results/agencies/${agencyId}${preview ? '?preview=true' : ''}`),
  criteria: (versionId: string) => api<{ summary: CriteriaSummary }>(`/criteria/${versionId}`),
  progress: (cycleId: string) => api<ProgressBoard>(`${base(cycleId)}/progress`),
  approve: (cycleId: string, note: string) =>
    api<CycleDecision>(`${base(cycleId)}/approve`, {
      method: 'POST',
      body: note ? { note } : {},
    }),
  returnForReview: (cycleId: string, reason: string) =>
    api<CycleDecision>(`${base(cycleId)}/return`, { method: 'POST', body: { reason } }),
  publish: (
    cycleId: string,
    reason: string,
    decision?: { number: string; date: string; signerName: string; signerTitle: string },
    /** Why publish before the appeal period is over or every appeal answered (the first publication). */
    appealOverride?: string,
  ) =>
    api<PublishResult>(`${base(cycleId)}/publish`, {
      method: 'POST',
      body: {
        ...(reason && { reason }),
        ...(decision && { decision }),
        ...(appealOverride && { appealOverride }),
      },
    }),
  revise: (cycleId: string, reason: string) =>
    api<CycleDecision>(`${base(cycleId)}/revise`, { method: 'POST', body: { reason } }),
};

/** Roles that may preview the unpublished ranking, and those that may download the exports. */
export const PREVIEW_ROLES = ['admin', 'assessor', 'approver'] as const;
export const EXPORT_ROLES = ['viewer', 'admin', 'assessor', 'approver'] as const;
export const PREVIEW_STATES: readonly CycleState[] = ['under_review', 'approved'];
