/**
 * An assessor asks the agency a question (R10, R18), on a field or a criterion or in general: the
 * query, its first message, its audit row and the e-mail to the agency's reporters are written in
 * one transaction, under the cycle's share lock.
 */
import { pick } from '../../../core/format.ts';
import { fieldName } from '../../../core/input/values.ts';
import { audit } from '../../platform/audit.ts';
import { invalid } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { notify, raisedMail } from './query-mails.ts';
import { canRaiseQuery } from './review.policy.ts';
import * as repo from './review.repo.ts';
import type { AgencyParams, QueryResult, RaiseQueryBody } from './review.schema.ts';
import { groupOf, loadReview, lockReview } from './review-context.ts';
import { queryView } from './review-views.ts';
import { clean } from './review-words.ts';

export async function raiseQuery(
  deps: AppDeps,
  caller: Caller,
  input: AgencyParams & RaiseQueryBody,
): Promise<QueryResult> {
  const db = deps.database.db;
  const ctx = await loadReview(db, input.cycleId, input.agencyId);
  authorize(canRaiseQuery(caller.user, ctx.facts));
  const { cycle, entry } = ctx;
  const { group } = await groupOf(db, cycle, entry.groupId);
  const subject = clean(input.subject);
  const body = clean(input.body);
  if (!subject) throw invalid('subject', { vi: 'Hãy ghi tiêu đề câu hỏi', en: 'Give the query a subject' });
  if (!body) throw invalid('body', { vi: 'Hãy ghi nội dung câu hỏi', en: 'Write the question' });
  const criterionId = input.criterionId?.trim() || null;
  const fieldKey = input.fieldKey?.trim() || null;
  const criterion = criterionId ? group.criteriaById.get(criterionId) : undefined;
  if (criterionId && !criterion)
    throw invalid('criterionId', {
      vi: `Tiêu chí "${criterionId}" không có trong bộ tiêu chí của nhóm ${pick(group.def.name, 'vi')}`,
      en: `Criterion "${criterionId}" is not in the criteria of group ${pick(group.def.name, 'en')}`,
    });
  const field = fieldKey ? group.fieldsByKey.get(fieldKey) : undefined;
  if (fieldKey && !field)
    throw invalid('fieldKey', {
      vi: `Trường số liệu "${fieldKey}" không có trên phiếu của nhóm ${pick(group.def.name, 'vi')}`,
      en: `Field "${fieldKey}" is not on the form of group ${pick(group.def.name, 'en')}`,
    });
  const about = [
    criterion ? `Tiêu chí ${criterion.id}: ${pick(criterion.def.name, 'vi')}` : null,
    field ? `Số liệu: ${fieldName(field, 'vi')}` : null,
  ].filter((line): line is string => line !== null);

  const now = deps.clock.now();
  const { queryId, notified } = await db.transaction(async (tx) => {
    const locked = await lockReview(tx, ctx);
    authorize(canRaiseQuery(caller.user, locked.facts));
    const q = await repo.insertQuery(tx, {
      submissionId: locked.submission!.id,
      criterionId,
      fieldKey,
      subject,
      createdBy: caller.user.id,
      now,
    });
    await repo.insertMessage(tx, { queryId: q.id, authorId: caller.user.id, body, now });
    await audit(tx, caller, now, {
      action: 'review.query_open',
      entityType: 'query',
      entityId: q.id,
      cycleId: cycle.id,
      agencyId: entry.agencyId,
      field: fieldKey,
      newValue: { subject, body, criterionId, fieldKey },
    });
    const mail = raisedMail({
      to: await repo.reporterEmails(tx, entry.agencyId),
      year: cycle.year,
      agencyName: entry.name,
      subject,
      about,
      body,
      sender: caller.user.displayName,
      publicUrl: deps.config.publicUrl,
    });
    return { queryId: q.id, notified: await notify(tx, deps, mail, now) };
  });
  return { query: await queryView(db, queryId), notified };
}
