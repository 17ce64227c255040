/**
 * The department answers an item — answered, taken into the next criteria version (naming that
 * version once it is loaded), or declined — and may revise its answer later (an item answered
 * today may be taken in when the next version is drafted); it groups items under topics. Every
 * answer is audited, written against the revision the person saw (409 when someone answered
 * meanwhile), and reaches the raiser by the bell and by mail.
 */
import { audit } from '../../platform/audit.ts';
import { invalid, notFound, stale } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { canAnswerFeedback, canGroupFeedback } from './feedback.policy.ts';
import * as repo from './feedback.repo.ts';
import type { AnswerBody, FeedbackItemView, ItemParams, TopicBody } from './feedback.schema.ts';
import { mailAnswered } from './feedback-mails.ts';
import { aboutOf, STATUS_LABELS } from './feedback-words.ts';
import { itemView } from './read-feedback.ts';

const clean = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ');

async function viewOf(deps: AppDeps, caller: Caller, id: string): Promise<FeedbackItemView> {
  const [row] = await repo.listItems(deps.database.db, { ids: [id] });
  return itemView(row!, caller.user);
}

export async function answerFeedback(
  deps: AppDeps,
  caller: Caller,
  input: ItemParams & AnswerBody,
): Promise<FeedbackItemView> {
  authorize(canAnswerFeedback(caller.user));
  const db = deps.database.db;
  const item = await repo.findItem(db, input.itemId);
  if (!item) throw notFound({ vi: 'góp ý', en: 'feedback item' });
  const answer = input.answer.normalize('NFC').trim();
  if ([...answer].length < 5)
    throw invalid('answer', {
      vi: 'Hãy viết câu trả lời cho người góp ý (ít nhất 5 ký tự)',
      en: 'Write the answer to the person (at least 5 characters)',
    });
  const nextVersionId = input.nextVersionId ?? null;
  let versionLabel: string | null = null;
  if (nextVersionId) {
    if (input.status !== 'adopted')
      throw invalid('nextVersionId', {
        vi: 'Chỉ ghi phiên bản bộ tiêu chí khi góp ý được tiếp thu vào phiên bản sau',
        en: 'A criteria version is named only when the item is taken into the next version',
      });
    const version = (await repo.versionLabels(db)).find((v) => v.id === nextVersionId);
    if (!version)
      throw invalid('nextVersionId', {
        vi: 'Không có phiên bản bộ tiêu chí này',
        en: 'No such criteria version',
      });
    if (nextVersionId === item.criteriaVersionId)
      throw invalid('nextVersionId', {
        vi: 'Phiên bản tiếp thu phải là phiên bản sau, khác phiên bản mà góp ý đề cập',
        en: 'The version that takes the item in must be a later one, not the version it is about',
      });
    versionLabel = version.label;
  }

  const now = deps.clock.now();
  await db.transaction(async (tx) => {
    const current = (await repo.findItem(tx, item.id, true))!;
    if (current.revision !== input.revision) throw stale({ revision: current.revision });
    await repo.answerItem(tx, item.id, {
      status: input.status,
      answer,
      nextVersionId,
      userId: caller.user.id,
      now,
      revision: current.revision + 1,
    });
    const [raiser] = await repo.listItems(tx, { ids: [item.id] });
    await audit(tx, caller, now, {
      action: 'feedback.answer',
      entityType: 'feedback',
      entityId: item.id,
      // The raiser's agency reads the answer in its history, as it reads its own raising.
      agencyId: raiser?.raiserAgencyId ?? null,
      field: item.criterionId ?? item.subject,
      oldValue:
        current.status === 'new'
          ? null
          : { status: current.status, answer: current.answer, nextVersionId: current.nextVersionId },
      newValue: {
        status: input.status,
        answer,
        nextVersionId,
        nextVersion: versionLabel,
        about: aboutOf(item).vi,
      },
    });
    await mailAnswered(tx, deps, {
      to: raiser?.raiserEmail ? [raiser.raiserEmail] : [],
      name: raiser?.raiserName ?? '',
      about: aboutOf(item).vi,
      status: STATUS_LABELS[input.status].vi,
      answer,
      version: versionLabel,
      now,
    });
  });
  return viewOf(deps, caller, item.id);
}

export async function groupFeedback(
  deps: AppDeps,
  caller: Caller,
  input: ItemParams & TopicBody,
): Promise<FeedbackItemView> {
  authorize(canGroupFeedback(caller.user));
  const db = deps.database.db;
  const item = await repo.findItem(db, input.itemId);
  if (!item) throw notFound({ vi: 'góp ý', en: 'feedback item' });
  const name = input.topic === null ? null : clean(input.topic);
  if (name !== null && [...name].length < 2)
    throw invalid('topic', {
      vi: 'Tên chủ đề cần ít nhất 2 ký tự (để trống để bỏ khỏi chủ đề)',
      en: 'A topic name needs at least 2 characters (leave it empty to remove the item from its topic)',
    });
  const now = deps.clock.now();
  await db.transaction(async (tx) => {
    const current = (await repo.findItem(tx, item.id, true))!;
    const topic = name === null ? null : await repo.topicNamed(tx, name, caller.user.id, now);
    if ((topic?.id ?? null) === current.topicId) return;
    const [before] = await repo.listItems(tx, { ids: [item.id] });
    await repo.setTopic(tx, item.id, topic?.id ?? null);
    await audit(tx, caller, now, {
      action: 'feedback.topic',
      entityType: 'feedback',
      entityId: item.id,
      field: item.criterionId ?? item.subject,
      oldValue: before?.topicName ? { topic: before.topicName } : null,
      newValue: { topic: topic?.name ?? null, about: aboutOf(item).vi },
    });
  });
  return viewOf(deps, caller, item.id);
}
