/** The names of the monitoring's schedules and jobs (shared by the duties and the on-demand check). */
export const AVAILABILITY_SCHEDULE = 'monitoring.availability';
export const CONTENT_SCHEDULE = 'monitoring.content';
export const AVAILABILITY_JOB = 'monitoring.availability.site';
export const CONTENT_JOB = 'monitoring.content.site';
