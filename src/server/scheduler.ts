/**
 * Background work of the server: every minute the periodic duties run (each idempotent, so
 * several servers may run them) and due jobs are claimed from the jobs table with FOR UPDATE
 * SKIP LOCKED (so with several servers each job runs once). The progress module adds the
 * reminder duty (R18).
 */
import type { FastifyBaseLogger } from 'fastify';
import { sendDueReminders } from './modules/progress/reminders.ts';
import type { AppDeps } from './platform/http.ts';
import { registerPeriodic, runDueJobs, schedulePeriodic } from './platform/jobs.ts';

/** Declares the modules' background work (idempotent). */
export function registerBackgroundWork(): void {
  registerPeriodic('progress.reminders', sendDueReminders);
}

/** Starts the scheduler; returns the function that stops it (waiting for a running tick). */
export function startScheduler(deps: AppDeps, log: FastifyBaseLogger): () => Promise<void> {
  registerBackgroundWork();
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        await schedulePeriodic(deps, log);
        await runDueJobs(deps, log);
      } catch (e) {
        log.error({ err: e }, 'scheduler tick failed');
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, 60_000);
  timer.unref();
  setTimeout(tick, 2_000).unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
