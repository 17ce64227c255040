/**
 * The administrator puts a failed job back in the queue, or every failed job at once (after the
 * mail server came back): each runs again on the next tick with its attempts counted afresh. The
 * retry is audited with the job's last error, which the job itself forgets.
 */
import type { Text } from '../../../core/types.ts';
import { audit } from '../../platform/audit.ts';
import { notFound, wrongState } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { retryJob as requeue, retryFailedJobs } from '../../platform/jobs.ts';
import { authorize } from '../../platform/policy.ts';
import { jobViews } from './job-views.ts';
import { jobKindLabel } from './job-words.ts';
import { canManageJobs, canRetryJob } from './jobs.policy.ts';
import * as repo from './jobs.repo.ts';
import type { JobParams, RetryAllAnswer, RetryAnswer } from './jobs.schema.ts';

const noJob = () => notFound({ vi: 'việc nền này', en: 'this background job' });

/** When a job put back in the queue runs: on this server's next tick, or on a server that runs the queue. */
const when = (deps: AppDeps): Text =>
  deps.config.scheduler
    ? { vi: 'trong lượt chạy tới (khoảng 15 giây)', en: 'on the next tick (about 15 seconds)' }
    : {
        vi: 'khi một máy chủ chạy việc nền nhận nó (máy chủ này không chạy việc nền: CHISO_SCHEDULER=false)',
        en: 'when a server that runs the queue takes it (this one does not: CHISO_SCHEDULER=false)',
      };

export async function retryJob(deps: AppDeps, caller: Caller, input: JobParams): Promise<RetryAnswer> {
  const db = deps.database.db;
  const before = await repo.findJob(db, input.id);
  if (!before) throw noJob();
  authorize(canRetryJob(caller.user, before));
  const now = deps.clock.now();
  const row = await db.transaction(async (tx) => {
    const retried = await requeue(tx, input.id, now);
    if (!retried) {
      // Someone retried it (or it was reclaimed) since it was read: say what it is now.
      const current = await repo.findJob(tx, input.id);
      if (!current) throw noJob();
      authorize(canRetryJob(caller.user, current));
      throw wrongState({
        vi: 'Việc này vừa đổi trạng thái; hãy tải lại danh sách',
        en: 'This job has just changed state; reload the list',
      });
    }
    await audit(tx, caller, now, {
      action: 'job.retry',
      entityType: 'job',
      entityId: input.id,
      oldValue: {
        kind: before.kind,
        status: before.status,
        attempts: before.attempts,
        lastError: before.lastError,
      },
      newValue: { status: retried.status, runAt: now.toISOString() },
    });
    return retried;
  });
  const label = jobKindLabel(row.kind);
  const at = when(deps);
  return {
    job: (await jobViews(db, [row]))[0]!,
    message: `Đã đưa việc "${label.vi}" vào hàng đợi; việc sẽ chạy lại ${at.vi}.`,
    messageEn: `"${label.en ?? label.vi}" is back in the queue; it runs again ${at.en}.`,
  };
}

export async function retryAllFailed(deps: AppDeps, caller: Caller): Promise<RetryAllAnswer> {
  authorize(canManageJobs(caller.user));
  const now = deps.clock.now();
  const retried = await deps.database.db.transaction(async (tx) => {
    const rows = await retryFailedJobs(tx, now);
    if (rows.length)
      await audit(tx, caller, now, {
        action: 'job.retry_all',
        entityType: 'job',
        newValue: { count: rows.length, jobs: rows.map((r) => ({ id: r.id, kind: r.kind })) },
      });
    return rows.length;
  });
  if (!retried)
    return {
      retried,
      message: 'Không có việc nào bị lỗi để chạy lại.',
      messageEn: 'No failed job to retry.',
    };
  const at = when(deps);
  return {
    retried,
    message: `Đã đưa ${retried} việc bị lỗi vào hàng đợi; các việc sẽ chạy lại ${at.vi}.`,
    messageEn: `${retried} failed jobs are back in the queue; they run again ${at.en}.`,
  };
}
