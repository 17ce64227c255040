/**
 * Who may see and retry the background jobs. `jobsAccess` is the coarse role check every route
 * declares (listed in test/role-matrix.test.ts); the predicates below are the whole rule, asked
 * once at the top of each use case: the queue is the administrator's (a job's content is a mail
 * to anyone, its error may name the mail server), and only a job that failed for good is retried
 * by hand — a waiting one retries by itself, a running one is being tried.
 */
import type { JobStatus } from '../../db/schema.ts';
import type { SessionUser } from '../../platform/auth.ts';
import { forbidden, wrongState } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';

export const jobsAccess = {
  list: ['admin'],
  retry: ['admin'],
  retryAll: ['admin'],
} as const satisfies Record<string, Access>;

type User = Pick<SessionUser, 'role'>;

/** Reads the queue, and retries every failed job at once. */
export const canManageJobs = (user: User): Verdict => (user.role === 'admin' ? true : forbidden());

const NOT_FAILED: Record<Exclude<JobStatus, 'failed'>, { vi: string; en: string }> = {
  pending: {
    vi: 'Việc này đang chờ chạy (lại): không cần cho chạy lại',
    en: 'This job is waiting to run (again): no need to retry it',
  },
  running: {
    vi: 'Việc này đang chạy: không cho chạy lại được',
    en: 'This job is running: it cannot be retried',
  },
  done: { vi: 'Việc này đã xong: không cần chạy lại', en: 'This job is done: there is nothing to retry' },
};

/** Retries one job: the administrator, and only a job that failed for good. */
export function canRetryJob(user: User, job: { readonly status: JobStatus }): Verdict {
  if (user.role !== 'admin') return forbidden();
  return job.status === 'failed' ? true : wrongState(NOT_FAILED[job.status]);
}
