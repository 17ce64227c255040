/**
 * Mail goes out through the job queue: a change that causes a mail enqueues it in its own
 * transaction (`enqueueMail(tx, mail)`), and a worker sends it with retries and backoff (jobs.ts).
 * A request never waits for the mail server, a mail is never sent for a change that rolled back,
 * and a mail server that is down delays the mail instead of failing the change.
 */
import { z } from 'zod';
import type { Executor } from '../db/open.ts';
import { enqueue, registerJob } from './jobs.ts';
import type { Mail } from './mail.ts';

export const MAIL_JOB = 'mail.send';

const MailPayload = z.object({
  to: z.array(z.string()).min(1),
  subject: z.string(),
  text: z.string(),
});

/**
 * Queues a mail in the caller's transaction; returns the job's id (null when `dedupeKey` was
 * already queued). A mail without recipients is not queued.
 */
export async function enqueueMail(
  tx: Executor,
  mail: Mail,
  options: { now: Date; dedupeKey?: string },
): Promise<string | null> {
  if (mail.to.length === 0) return null;
  const payload = { to: [...mail.to], subject: mail.subject, text: mail.text };
  return enqueue(
    tx,
    MAIL_JOB,
    payload,
    options.now,
    options.dedupeKey ? { dedupeKey: options.dedupeKey } : {},
  );
}

/** Declares the worker that sends queued mail (without SMTP settings, mail is dropped and logged). */
export function registerMailJob(): void {
  registerJob(MAIL_JOB, async (payload, { deps, log, job }) => {
    const mail = MailPayload.parse(payload);
    if (!deps.mailer.enabled) {
      log.info({ jobId: job.id, to: mail.to.length }, 'mail not sent: SMTP is not configured');
      return;
    }
    await deps.mailer.send(mail);
  });
}
