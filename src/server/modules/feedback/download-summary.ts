/**
 * The yearly summary for download (DOCX or PDF): the items raised in the year, the comparison of
 * each version pair an adopted item points to, the document built outside any transaction.
 */
import { invalid } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { compareCriteriaSets } from '../criteria/criteria-diff.ts';
import { type DocumentFile, render } from '../documents/download-documents.ts';
import { vnDate } from '../documents/model.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { canSummariseFeedback } from './feedback.policy.ts';
import * as repo from './feedback.repo.ts';
import type { SummaryQuery } from './feedback.schema.ts';
import { vnYear } from './feedback-time.ts';
import { changeKey, feedbackSummary, type VersionChange } from './summary-document.ts';

export async function downloadFeedbackSummary(
  deps: AppDeps,
  caller: Caller,
  input: SummaryQuery,
): Promise<DocumentFile> {
  authorize(canSummariseFeedback(caller.user));
  const db = deps.database.db;
  const items = (await repo.listItems(db)).filter((i) => vnYear(i.raisedAt) === input.year);
  if (!items.length)
    throw invalid('year', {
      vi: `Năm ${input.year} chưa có góp ý nào để tổng hợp`,
      en: `No feedback was raised in ${input.year}`,
    });
  const labels = new Map((await repo.versionLabels(db)).map((v) => [v.id, v.label ?? v.id]));
  const changes = new Map<string, VersionChange>();
  for (const i of items) {
    if (i.status !== 'adopted' || !i.nextVersionId || !i.criteriaVersionId) continue;
    const key = changeKey(i.criteriaVersionId, i.nextVersionId);
    if (changes.has(key)) continue;
    const [a, b] = await Promise.all([
      criteriaVersion(db, i.criteriaVersionId),
      criteriaVersion(db, i.nextVersionId),
    ]);
    changes.set(key, {
      from: labels.get(i.criteriaVersionId)!,
      to: labels.get(i.nextVersionId)!,
      diff: compareCriteriaSets(a.set, b.set),
    });
  }
  const doc = feedbackSummary({ year: input.year, items, changes, date: vnDate(deps.clock.now()) });
  return {
    bytes: await render(doc, input.format),
    filename: `Tổng hợp góp ý về Bộ tiêu chí năm ${input.year}.${input.format}`,
    format: input.format,
  };
}
