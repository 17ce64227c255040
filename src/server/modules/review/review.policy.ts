/**
 * Who may use the review (R10, R12, R16, R17): assessors (and the administrator) verify; the
 * approver reads the review of a cycle submitted for approval; a reporter reads and answers the
 * queries of its own agency (checked in the service).
 */
import type { Access } from '../../platform/http.ts';

const READ = ['admin', 'assessor', 'approver'] as const;
const WORK = ['admin', 'assessor'] as const;

export const reviewPolicy = {
  list: READ,
  page: READ,
  downloadEvidence: READ,
  openQuery: WORK,
  postMessage: ['admin', 'assessor', 'reporter'],
  closeQuery: WORK,
  agencyQueries: ['admin', 'assessor', 'reporter'],
  createSurvey: WORK,
  addSurveyEvidence: WORK,
  decideClaim: WORK,
  correct: WORK,
} as const satisfies Record<string, Access>;
