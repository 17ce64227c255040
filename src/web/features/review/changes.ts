/**
 * What changed for an agency since the assessor last looked, in words: "phiếu được nộp lại; 2 tin
 * nhắn trong câu hỏi; 1 minh chứng". Each thing is new or not by its identity (lastVisit.ts).
 */
import { seenKey } from './lastVisit.ts';
import { m } from './messages.ts';
import type { ReviewPageData } from './reviewApi.ts';

/** The changes as phrases, the resubmission first; empty when nothing is new. */
export function changesSince(d: ReviewPageData, isNew: (key: string) => boolean): string[] {
  const count = (keys: string[]) => keys.filter(isNew).length;
  const items = [
    ['changes.messages', count(d.queries.flatMap((q) => q.messages.map((x) => seenKey.message(x.id))))],
    [
      'changes.corrections',
      count(d.values.flatMap((v) => v.history.map((h) => seenKey.history(v.key, h.at)))),
    ],
    [
      'changes.claims',
      count(d.claims.flatMap((c) => (c.decidedAt ? [seenKey.decision(c.criterionId, c.decidedAt)] : []))),
    ],
    ['changes.evidence', count(d.evidence.map((e) => seenKey.evidence(e.id)))],
    ['changes.surveys', count(d.surveys.map((s) => seenKey.survey(s.id)))],
  ] as const;
  const parts = items.filter(([, n]) => n > 0).map(([key, n]) => m(key, { n }));
  if (d.submission?.submittedAt && isNew(seenKey.submission(d.submission.submittedAt)))
    parts.unshift(m('changes.submission'));
  return parts;
}
