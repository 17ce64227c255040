/** What changed for this agency since the assessor's last visit on this computer. */
import { Alert } from 'antd';
import { dateTimeVn } from '../../format.ts';
import type { ReviewContext } from './context.ts';
import { seenKey } from './lastVisit.ts';
import { m } from './messages.ts';

export function ChangesNote({ ctx, seen }: { ctx: ReviewContext; seen: string | null }) {
  const d = ctx.data;
  if (seen === null) return <p className="review-muted review-block">{m('changes.first')}</p>;
  const count = (keys: string[]) => keys.filter(ctx.isNew).length;
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
  if (d.submission?.submittedAt && ctx.isNew(seenKey.submission(d.submission.submittedAt)))
    parts.unshift(m('changes.submission'));
  if (parts.length === 0)
    return <p className="review-muted review-block">{m('changes.none', { at: dateTimeVn(seen) })}</p>;
  return (
    <Alert
      type="info"
      showIcon
      className="review-block"
      title={m('changes.title', { at: dateTimeVn(seen) })}
      description={parts.join('; ')}
    />
  );
}
