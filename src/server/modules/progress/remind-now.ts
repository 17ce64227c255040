/**
 * The administrator reminds, now, every agency of an open cycle that has not submitted (R18). The
 * mails are queued in the same transaction as the audit row and go out through the job queue
 * (with retries); reminders_sent, which paces the automatic reminders, is left alone.
 */
import { audit } from '../../platform/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { enqueueMail } from '../../platform/outbox.ts';
import { authorize } from '../../platform/policy.ts';
import { findCycle } from '../cycles/cycles.repo.ts';
import { canRemind } from './progress.policy.ts';
import * as repo from './progress.repo.ts';
import type { RemindResult } from './progress.schema.ts';
import { recipientsByAgency, reminderMail } from './reminders.ts';

export async function remindNow(deps: AppDeps, caller: Caller, input: { id: string }): Promise<RemindResult> {
  const db = deps.database.db;
  const cycle = await findCycle(db, input.id);
  if (!cycle) throw notFound({ vi: 'kỳ đánh giá', en: 'evaluation cycle' });
  const now = deps.clock.now();
  authorize(canRemind(caller.user, cycle, now));
  if (!deps.mailer.enabled)
    throw conflict('mail_disabled', {
      vi: 'Hệ thống chưa được cấu hình gửi thư (SMTP_HOST). Hãy báo quản trị máy chủ.',
      en: 'E-mail is not configured (SMTP_HOST). Ask the server administrator.',
    });
  const pending = await repo.notSubmitted(db, cycle.id);
  const recipients = await recipientsByAgency(
    db,
    pending.map((a) => a.agencyId),
  );
  const result: RemindResult = { queued: [], withoutRecipients: [] };
  await db.transaction(async (tx) => {
    for (const a of pending) {
      const to = recipients.get(a.agencyId) ?? [];
      const who = { agencyId: a.agencyId, code: a.code, name: a.name };
      if (!to.length) {
        result.withoutRecipients.push(who);
        continue;
      }
      await enqueueMail(tx, reminderMail(cycle, a, to, now, deps.config.publicUrl), { now });
      result.queued.push({ ...who, recipients: to });
    }
    await audit(tx, caller, now, {
      action: 'progress.remind',
      entityType: 'cycle',
      entityId: cycle.id,
      cycleId: cycle.id,
      newValue: {
        queued: result.queued.map((x) => ({ code: x.code, recipients: x.recipients })),
        withoutRecipients: result.withoutRecipients.map((x) => x.code),
      },
    });
  });
  return result;
}
