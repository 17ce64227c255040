/** The names of the monitoring's schedules and jobs, and a site job's payload (shared by the duties, their handlers and the on-demand check). */
import { z } from 'zod';

export const AVAILABILITY_SCHEDULE = 'monitoring.availability';
export const CONTENT_SCHEDULE = 'monitoring.content';
/** The defaults: availability every 30 minutes, content on the 1st of each month at 02:00 (Vietnam). */
export const AVAILABILITY_DEFAULT_CRON = '*/30 * * * *';
export const CONTENT_DEFAULT_CRON = '0 2 1 * *';
export const AVAILABILITY_JOB = 'monitoring.availability.site';
export const CONTENT_JOB = 'monitoring.content.site';

/** A site's job: which site, for which slot, asked for by whom (null: the schedule). */
export const SitePayload = z.object({
  siteId: z.string(),
  slot: z.string(),
  requestedBy: z.string().nullable().optional(),
});
export type SitePayload = z.infer<typeof SitePayload>;
