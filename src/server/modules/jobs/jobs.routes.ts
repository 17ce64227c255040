/**
 * /jobs: the background jobs (việc nền) for the administrator — the queue's counts, one state's
 * jobs, retrying a failed job or all of them. Each route: who may call it, its contract
 * (jobs.schema.ts), one use case.
 */
import { type App, type AppDeps, callerOf } from '../../platform/http.ts';
import { errorResponses } from '../../platform/schema.ts';
import { jobsAccess as access } from './jobs.policy.ts';
import { JobParams, JobsBoard, JobsQuery, RetryAllAnswer, RetryAnswer } from './jobs.schema.ts';
import { readJobs } from './read-jobs.ts';
import { retryAllFailed, retryJob } from './retry-job.ts';

const tags = ['jobs'];

export function jobsRoutes(app: App, deps: AppDeps) {
  app.get(
    '/jobs',
    {
      config: { access: access.list },
      schema: {
        tags,
        summary: 'Việc nền: số việc theo trạng thái và danh sách việc của một trạng thái',
        querystring: JobsQuery,
        response: { 200: JobsBoard, ...errorResponses },
      },
    },
    async (req) => readJobs(deps, callerOf(req), req.query),
  );

  app.post(
    '/jobs/retry-failed',
    {
      config: { access: access.retryAll },
      schema: {
        tags,
        summary: 'Cho chạy lại mọi việc nền bị lỗi',
        response: { 200: RetryAllAnswer, ...errorResponses },
      },
    },
    async (req) => retryAllFailed(deps, callerOf(req)),
  );

  app.post(
    '/jobs/:id/retry',
    {
      config: { access: access.retry },
      schema: {
        tags,
        summary: 'Cho chạy lại một việc nền bị lỗi',
        params: JobParams,
        response: { 200: RetryAnswer, ...errorResponses },
      },
    },
    async (req) => retryJob(deps, callerOf(req), req.params),
  );
}
