/**
 * What the reporter's screens read and write: the agency's form for a cycle
 * (/cycles/:cid/agencies/:aid/submission…), the cycle itself, its criteria version and the
 * assessors' queries. Shapes follow the server's route schemas (submissions.routes.ts).
 */

// The cycle's and the form's shapes are the server's contracts, imported as types only (nothing
// of the server reaches the bundle), so that the screens and the routes cannot drift apart.
import type { CycleDetail, CycleSummary } from '../../../server/modules/cycles/cycles.schema.ts';
import type { AgencyQueries, QueryResult, QueryView } from '../../../server/modules/review/review.schema.ts';
import type {
  ClaimView as Claim,
  EvidenceView as Evidence,
  ReceiptView as Receipt,
  SaveDraftResult,
  FormState as ServerFormState,
  ScoreView as ServerScore,
  StaleDetails,
  SubmitResult,
  WithdrawResult,
} from '../../../server/modules/submissions/submissions.schema.ts';
import { api } from '../../api.ts';

/** GET …/submission also tells the largest evidence file the server accepts. */
export type FormState = ServerFormState & { evidenceMaxBytes?: number };
export type {
  Claim,
  CycleDetail,
  CycleSummary,
  Evidence,
  Receipt,
  SaveDraftResult,
  ServerScore,
  StaleDetails,
};

/** An assessor's query and its messages, as the review module's contract says. */
export type Query = QueryView;

const base = (cycleId: string, agencyId: string) => `/cycles/${cycleId}/agencies/${agencyId}/submission`;

export const reporterApi = {
  cycles: () => api<{ cycles: CycleSummary[] }>('/cycles'),
  cycle: (id: string) => api<{ cycle: CycleDetail }>(`/cycles/${id}`),
  criteria: (versionId: string) => api<{ content: unknown }>(`/criteria/${versionId}`),
  form: (c: string, a: string) => api<FormState>(base(c, a)),
  score: (c: string, a: string) => api<ServerScore>(`${base(c, a)}/score`),
  receipt: (c: string, a: string) => api<Receipt>(`${base(c, a)}/receipt`),
  saveValues: (c: string, a: string, version: number | null, values: Record<string, unknown>) =>
    api<SaveDraftResult>(`${base(c, a)}/values`, { method: 'PUT', body: { version, values } }),
  claim: (c: string, a: string, criterionId: string, reason: string) =>
    api<FormState>(`${base(c, a)}/claims/${encodeURIComponent(criterionId)}`, {
      method: 'PUT',
      body: { reason },
    }),
  unclaim: (c: string, a: string, criterionId: string) =>
    api<FormState>(`${base(c, a)}/claims/${encodeURIComponent(criterionId)}`, { method: 'DELETE' }),
  upload: (c: string, a: string, file: File, criterionId: string) => {
    const form = new FormData();
    form.append('criterionId', criterionId);
    form.append('file', file);
    return api<Evidence>(`${base(c, a)}/evidence`, { form });
  },
  evidenceUrl: (c: string, a: string, id: string) => `${base(c, a)}/evidence/${id}`,
  removeEvidence: (c: string, a: string, id: string) =>
    api<void>(`${base(c, a)}/evidence/${id}`, { method: 'DELETE' }),
  submit: (c: string, a: string, body: { version: number; attestedName: string; attestedTitle: string }) =>
    api<SubmitResult>(`${base(c, a)}/submit`, {
      method: 'POST',
      body,
    }),
  withdraw: (c: string, a: string, reason: string) =>
    api<WithdrawResult>(`${base(c, a)}/withdraw`, {
      method: 'POST',
      body: { reason },
    }),
  queries: (c: string, a: string) => api<AgencyQueries>(`/cycles/${c}/agencies/${a}/queries`),
  reply: (c: string, queryId: string, body: string) =>
    api<QueryResult>(`/cycles/${c}/queries/${queryId}/messages`, { method: 'POST', body: { body } }),
  /** An answer with one file (the text first: the server reads the fields before the file). */
  replyWithFile: (c: string, queryId: string, body: string, file: File) => {
    const form = new FormData();
    form.append('body', body);
    form.append('file', file);
    return api<QueryResult>(`/cycles/${c}/queries/${queryId}/messages-with-file`, { form });
  },
};
