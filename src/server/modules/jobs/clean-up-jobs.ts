/**
 * The daily clean-up of the queue. Website monitoring alone queues a job per site every half hour
 * (about 1,600 a day for 33 agencies), so finished jobs would grow the table, its screen and
 * /healthz's count without end. Jobs that finished more than CHISO_JOBS_KEEP_DAYS ago (default
 * 30) are deleted; failed jobs stay until the administrator deals with them, and what a job did
 * (a mail sent, a check stored) is kept by its own module, not by the job row.
 */
import { deleteFinishedJobs, registerJob } from '../../platform/jobs.ts';
import { declareSchedule } from '../../platform/schedules.ts';

export const JOBS_CLEAN_UP = 'jobs.clean-up';
const DAY_MS = 86_400_000;

export function declareJobsCleanUp(): void {
  declareSchedule({
    name: JOBS_CLEAN_UP,
    cron: '30 3 * * *',
    description: {
      vi: 'Dọn các việc nền đã xong từ lâu (mỗi đêm; việc lỗi được giữ lại)',
      en: 'Delete background jobs finished long ago (nightly; failed jobs are kept)',
    },
  });
  registerJob(JOBS_CLEAN_UP, async (_payload, { deps, log }) => {
    const before = new Date(deps.clock.now().getTime() - deps.config.jobsKeepDays * DAY_MS);
    const deleted = await deleteFinishedJobs(deps.database.db, before);
    log.info({ deleted, before: before.toISOString() }, 'finished jobs cleaned up');
  });
}
