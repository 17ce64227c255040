/**
 * One e-mail per roster agency to its active reporters, queued in the transaction of the change
 * that causes it (the opening of a cycle, a new deadline): a worker sends it after the answer,
 * with retries, so the change never waits for the mail server and never goes without its mail.
 * Without a mail server configured nothing is queued, and the report says so (`mailOff`): the
 * department then tells the agencies another way, rather than reading "0 of 33 queued".
 */
import type { Executor } from '../../db/open.ts';
import type { Mail } from '../../platform/mail.ts';
import { enqueueMail } from '../../platform/outbox.ts';
import * as repo from './cycles.repo.ts';
import type { MailReport } from './cycles.schema.ts';

export async function queueRosterMail(
  tx: Executor,
  cycleId: string,
  now: Date,
  make: (agency: { name: string }, to: readonly string[]) => Mail,
  mailOn: boolean,
): Promise<MailReport> {
  const units = await repo.roster(tx, cycleId);
  const addresses = await repo.reporterAddresses(
    tx,
    units.map((u) => u.agencyId),
  );
  const report: MailReport = { agencies: units.length, queued: 0, withoutRecipients: [], mailOff: !mailOn };
  for (const u of units) {
    const to = [
      ...new Set(addresses.filter((a) => a.agencyId === u.agencyId && a.email).map((a) => a.email!)),
    ];
    if (!to.length) {
      report.withoutRecipients.push(u.code);
      continue;
    }
    if (!mailOn) continue;
    await enqueueMail(tx, make(u, to), { now });
    report.queued++;
  }
  return report;
}
