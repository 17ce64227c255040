/**
 * Someone writes on a query (R10, R18): the agency's reporter answers it (the query becomes
 * "answered"), or the department asks more (it is "open" again). The message, its audit row and
 * the e-mail to the other side are written in one transaction, under the cycle's share lock.
 */
import { audit } from '../../platform/audit.ts';
import { invalid } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { answeredMail, followUpMail, notify } from './query-mails.ts';
import { canWriteOnQuery } from './review.policy.ts';
import * as repo from './review.repo.ts';
import type { MessageBody, QueryParams, QueryResult } from './review.schema.ts';
import { loadQuery, lockQuery } from './review-context.ts';
import { queryView } from './review-views.ts';
import { clean } from './review-words.ts';

export async function answerQuery(
  deps: AppDeps,
  caller: Caller,
  input: QueryParams & MessageBody,
): Promise<QueryResult> {
  const db = deps.database.db;
  const ctx = await loadQuery(db, input.cycleId, input.queryId);
  authorize(canWriteOnQuery(caller.user, ctx.facts));
  const body = clean(input.body);
  if (!body) throw invalid('body', { vi: 'Hãy ghi nội dung trả lời', en: 'Write the message' });
  const fromAgency = caller.user.role === 'reporter';
  const now = deps.clock.now();
  const notified = await db.transaction(async (tx) => {
    const current = await lockQuery(tx, ctx, { lockCycle: true });
    authorize(canWriteOnQuery(caller.user, current.facts));
    await repo.insertMessage(tx, { queryId: ctx.query.id, authorId: caller.user.id, body, now });
    const status = fromAgency ? 'answered' : 'open';
    await repo.setQueryStatus(tx, ctx.query.id, status, null);
    await audit(tx, caller, now, {
      action: fromAgency ? 'review.query_answer' : 'review.query_message',
      entityType: 'query',
      entityId: ctx.query.id,
      cycleId: ctx.cycle.id,
      agencyId: ctx.agencyId,
      oldValue: { status: current.query.status },
      newValue: { status, body },
    });
    // Each side hears of the other's message: the assessor who asked, or the agency's reporters.
    const mail = {
      year: ctx.cycle.year,
      subject: current.query.subject,
      body,
      sender: caller.user.displayName,
      publicUrl: deps.config.publicUrl,
    };
    return notify(
      tx,
      deps,
      fromAgency
        ? answeredMail({ ...mail, to: await repo.userEmails(tx, [current.query.createdBy]) })
        : followUpMail({ ...mail, to: await repo.reporterEmails(tx, ctx.agencyId) }),
      now,
    );
  });
  return { query: await queryView(db, ctx.query.id), notified };
}
