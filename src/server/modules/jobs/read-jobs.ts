/** The administrator reads the queue: how many jobs in each state, and one state's jobs a page at a time. */
import type { AppDeps, Caller } from '../../platform/http.ts';
import { countJobs, listJobs } from '../../platform/jobs.ts';
import { authorize } from '../../platform/policy.ts';
import { jobViews } from './job-views.ts';
import { canManageJobs } from './jobs.policy.ts';
import type { JobsBoard, JobsQuery } from './jobs.schema.ts';

export async function readJobs(deps: AppDeps, caller: Caller, input: JobsQuery): Promise<JobsBoard> {
  authorize(canManageJobs(caller.user));
  const db = deps.database.db;
  // One row more than the page: whether there is a next page.
  const rows = await listJobs(db, { status: input.status, before: input.before, limit: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  return {
    counts: await countJobs(db),
    jobs: await jobViews(db, page),
    next: rows.length > input.limit ? page[page.length - 1]!.id : null,
    runsHere: deps.config.scheduler,
  };
}
