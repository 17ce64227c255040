/**
 * The feedback as its screens read it: a person's own items with the answers (everyone signed
 * in), or every item with the topics, the criteria versions an answer may name and the years to
 * summarise (the department and the Steering Committee). Also the events the bell shows.
 */
import type { Executor } from '../../db/open.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { canAttachToFeedback, canReadAllFeedback, canSummariseFeedback } from './feedback.policy.ts';
import * as repo from './feedback.repo.ts';
import type { FeedbackItemView, FeedbackQuery, FeedbackView } from './feedback.schema.ts';
import { vnYear } from './feedback-time.ts';
import { aboutOf, STATUS_LABELS } from './feedback-words.ts';

type User = Caller['user'];

export function itemView(row: repo.FeedbackListRow, user: User): FeedbackItemView {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    about: aboutOf(row),
    criterion: row.criterionId ? { id: row.criterionId, name: row.criterionName ?? '' } : null,
    criteriaVersion:
      row.criteriaVersionId && row.versionLabel
        ? { id: row.criteriaVersionId, label: row.versionLabel }
        : null,
    text: row.text,
    file: row.file
      ? { id: row.file.id, filename: row.file.filename, mime: row.file.mime, size: row.file.size }
      : null,
    raisedBy: { id: row.raisedBy, displayName: row.raiserName },
    agency: row.agencyName,
    raisedAt: row.raisedAt.toISOString(),
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    topic: row.topicId && row.topicName ? { id: row.topicId, name: row.topicName } : null,
    answer: row.answer,
    answeredBy: row.answererName,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    nextVersion:
      row.nextVersionId && row.nextVersionLabel
        ? { id: row.nextVersionId, label: row.nextVersionLabel }
        : null,
    revision: row.revision,
    canAttach: canAttachToFeedback(user, row) === true,
  };
}

/** The criteria a new item may concern: each criterion of the current version once, by id. */
export async function criteriaChoices(db: Executor): Promise<FeedbackView['criteria']> {
  const versionId = await repo.currentVersionId(db);
  if (!versionId) return null;
  const { compiled } = await criteriaVersion(db, versionId);
  const seen = new Map<string, string>();
  for (const g of compiled.groups)
    for (const c of g.criteria) if (!seen.has(c.id)) seen.set(c.id, c.def.name.vi);
  const label = (await repo.versionLabels(db)).find((v) => v.id === versionId)?.label ?? compiled.id;
  return {
    version: { id: versionId, label },
    options: [...seen].map(([id, name]) => ({ id, name })),
  };
}

const collator = new Intl.Collator('vi');

export async function readFeedback(
  deps: AppDeps,
  caller: Caller,
  query: FeedbackQuery,
): Promise<FeedbackView> {
  const db = deps.database.db;
  const user = caller.user;
  if (query.scope === 'all') authorize(canReadAllFeedback(user));
  const rows = await repo.listItems(db, query.scope === 'all' ? {} : { raisedBy: user.id });
  const manage = user.role === 'admin' || user.role === 'assessor';
  const counts = { new: 0, answered: 0, adopted: 0, declined: 0 };
  for (const r of rows) counts[r.status]++;
  const all = query.scope === 'all';
  return {
    scope: query.scope,
    // Newest first: what was just raised or is still waiting is on top.
    items: rows.map((r) => itemView(r, user)).reverse(),
    criteria: await criteriaChoices(db),
    canManage: manage,
    canSummarise: canSummariseFeedback(user) === true,
    topics: all ? (await repo.topicsWithCounts(db)).sort((a, b) => collator.compare(a.name, b.name)) : [],
    versions: manage ? (await repo.versionLabels(db)).map((v) => ({ id: v.id, label: v.label ?? '' })) : [],
    years: all ? [...new Set(rows.map((r) => vnYear(r.raisedAt)))].sort((a, b) => b - a) : [],
    counts,
  };
}

/** The bell: answers to a person's own items since a time (each answer, revised ones too). */
export async function feedbackAnswersFor(db: Executor, userId: string, since: Date) {
  return (await repo.listItems(db, { raisedBy: userId, answeredSince: since })).map((r) => ({
    id: r.id,
    revision: r.revision,
    at: r.answeredAt!,
    status: r.status,
    about: aboutOf(r),
  }));
}

/** The bell of the department: items raised since a time. */
export async function feedbackRaisedSince(db: Executor, since: Date) {
  return (await repo.listItems(db, { raisedSince: since })).map((r) => ({
    id: r.id,
    at: r.raisedAt,
    raiser: r.agencyName ? `${r.raiserName} (${r.agencyName})` : r.raiserName,
    about: aboutOf(r),
    text: r.text,
  }));
}
