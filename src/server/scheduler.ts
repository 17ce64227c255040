/**
 * The background of a server: every 15 seconds (croner) the due schedules are turned into jobs
 * (platform/schedules.ts: one run per slot whatever the number of servers) and the due jobs are
 * run (platform/jobs.ts: each claimed by one server). The kinds of work are declared here, from
 * the modules that own them.
 */
import { Cron } from 'croner';
import type { FastifyBaseLogger } from 'fastify';
import { declareBackups } from './modules/backup/backup-job.ts';
import { keepIndicatorsWarm } from './modules/indicators/keep-warm.ts';
import { declareJobsCleanUp } from './modules/jobs/clean-up-jobs.ts';
import { declareMonitoring } from './modules/monitoring/duties.ts';
import { declareReminders } from './modules/progress/reminders.ts';
import type { AppDeps } from './platform/http.ts';
import { runDueJobs } from './platform/jobs.ts';
import { registerMailJob } from './platform/outbox.ts';
import { enqueueDueSchedules, ensureSchedules } from './platform/schedules.ts';

/** Declares every kind of background work and every schedule (idempotent). */
export function registerBackgroundWork(): void {
  registerMailJob();
  declareReminders();
  declareJobsCleanUp();
  declareMonitoring();
  declareBackups();
}

/**
 * One pass: due schedules become jobs, due jobs run, and what a publication added is read into
 * the indicators' memory. Safe on several servers at once.
 */
export async function backgroundTick(deps: AppDeps, log: FastifyBaseLogger): Promise<void> {
  await enqueueDueSchedules(deps);
  await runDueJobs(deps, log);
  await keepIndicatorsWarm(deps);
}

/**
 * Declares the background work and writes the schedules the table lacks; every server does this
 * at start (so the administrator sees the schedules), whether or not it runs the tick.
 */
export async function prepareBackgroundWork(deps: AppDeps): Promise<void> {
  registerBackgroundWork();
  await ensureSchedules(deps.database.db, deps.clock.now());
}

/** Starts the tick; returns the function that stops it (waiting for a running tick). */
export function startScheduler(deps: AppDeps, log: FastifyBaseLogger): () => Promise<void> {
  let running: Promise<void> | null = null;
  const cron = new Cron('*/15 * * * * *', { protect: true, unref: true }, () => {
    if (running) return;
    running = backgroundTick(deps, log)
      .catch((e) => log.error({ err: e }, 'background tick failed'))
      .finally(() => {
        running = null;
      });
  });
  return async () => {
    cron.stop();
    await running;
  };
}
