/**
 * Who may call the submission routes. The role check is here; the service checks the finer
 * scope: a reporter only for their own agency, an approver only once the cycle is under review,
 * a viewer never (results, not forms, are what a viewer reads).
 */
import type { CycleState } from '../../db/schema.ts';
import type { Access } from '../../platform/http.ts';

export const submissionsPolicy = {
  /** The form, its self-score, receipt and evidence files. */
  read: ['admin', 'assessor', 'approver', 'reporter'],
  /** Draft values, N/A claims and evidence: the agency's own reporters. */
  edit: ['reporter'],
  /** Submission and withdrawal: the agency's own reporters (the head attests, R16). */
  submit: ['reporter'],
  withdraw: ['reporter'],
} as const satisfies Record<string, Access>;

/** The cycle states in which the Steering Committee (approver) may read submissions. */
export const APPROVER_READS: readonly CycleState[] = ['under_review', 'approved', 'published'];
