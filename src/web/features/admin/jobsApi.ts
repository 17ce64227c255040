/**
 * The background jobs' calls to /api/v1/jobs. The shapes are the server's contract
 * (src/server/modules/jobs/jobs.schema.ts), imported as types only.
 */
import type {
  JobStatus,
  JobsBoard,
  JobView,
  RetryAllAnswer,
  RetryAnswer,
} from '../../../server/modules/jobs/jobs.schema.ts';
import { api } from '../../api.ts';

export type { JobStatus, JobsBoard, JobView };

export const jobsApi = {
  board: (status: JobStatus, before?: string) =>
    api<JobsBoard>(`/jobs?status=${status}${before ? `&before=${encodeURIComponent(before)}` : ''}`),
  retry: (id: string) => api<RetryAnswer>(`/jobs/${id}/retry`, { method: 'POST' }),
  retryAll: () => api<RetryAllAnswer>('/jobs/retry-failed', { method: 'POST' }),
};
