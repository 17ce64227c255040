/**
 * The monitoring's background work (R5). Two schedules kept in the database (the administrator
 * edits them under "Lịch kiểm tra" at /theo-doi, schedules.ts): availability every 30 minutes and
 * content on the 1st of each month at 02:00 by default. A schedule's run only fans out: one job per current site, keyed by
 * site and slot, so that with any number of servers each site is checked once per slot; each job is
 * claimed by one server, retried with backoff, and visible to the administrator.
 */
import { z } from 'zod';
import type { AppDeps } from '../../platform/http.ts';
import { enqueue, registerJob } from '../../platform/jobs.ts';
import { declareSchedule } from '../../platform/schedules.ts';
import {
  AVAILABILITY_DEFAULT_CRON,
  AVAILABILITY_JOB,
  AVAILABILITY_SCHEDULE,
  CONTENT_DEFAULT_CRON,
  CONTENT_JOB,
  CONTENT_SCHEDULE,
  SitePayload,
} from './job-kinds.ts';
import * as repo from './monitoring.repo.ts';
import { runAvailabilityCheck } from './run-availability-check.ts';
import { runContentCheck } from './run-content-check.ts';

const SlotPayload = z.object({ slot: z.string() });

/** Queues one job per current site for a slot (portals only for content); returns how many were new. */
export async function fanOut(deps: AppDeps, what: 'availability' | 'content', slot: string): Promise<number> {
  const now = deps.clock.now();
  const kind = what === 'availability' ? AVAILABILITY_JOB : CONTENT_JOB;
  return deps.database.db.transaction(async (tx) => {
    let queued = 0;
    for (const site of await repo.currentSites(tx, what === 'content' ? 'portal' : undefined))
      if (
        await enqueue(tx, kind, { siteId: site.id, slot }, now, { dedupeKey: `${kind}:${site.id}@${slot}` })
      )
        queued++;
    return queued;
  });
}

/** Declares the schedules and the handlers of their jobs (idempotent). */
export function declareMonitoring(): void {
  declareSchedule({
    name: AVAILABILITY_SCHEDULE,
    cron: AVAILABILITY_DEFAULT_CRON,
    description: {
      vi: 'Kiểm tra trang TTĐT của các cơ quan có truy cập được không (mã trả lời, thời gian phản hồi, chứng chỉ TLS)',
      en: "Checks that every agency's portal is reachable (status, time to first byte, TLS certificate)",
    },
  });
  declareSchedule({
    name: CONTENT_SCHEDULE,
    cron: CONTENT_DEFAULT_CRON,
    description: {
      vi: 'Kiểm tra nội dung trang TTĐT của các cơ quan (các mục theo NĐ 43/2011), chờ thẩm định xác nhận',
      en: "Checks the content of every agency's portal (the items of Decree 43/2011), for assessors to confirm",
    },
  });
  registerJob(AVAILABILITY_SCHEDULE, async (payload, { deps }) => {
    await fanOut(deps, 'availability', SlotPayload.parse(payload).slot);
  });
  registerJob(CONTENT_SCHEDULE, async (payload, { deps }) => {
    await fanOut(deps, 'content', SlotPayload.parse(payload).slot);
  });
  registerJob(AVAILABILITY_JOB, async (payload, { deps }) => {
    await runAvailabilityCheck(deps, SitePayload.parse(payload));
  });
  registerJob(CONTENT_JOB, async (payload, { deps }) => {
    await runContentCheck(deps, SitePayload.parse(payload));
  });
}
