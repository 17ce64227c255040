/** What changed for this agency since the assessor's last visit on this computer. */
import { Alert } from 'antd';
import { dateTimeVn } from '../../format.ts';
import { changesSince } from './changes.ts';
import type { ReviewContext } from './context.ts';
import { m } from './messages.ts';

export function ChangesNote({ ctx, seen }: { ctx: ReviewContext; seen: string | null }) {
  const d = ctx.data;
  if (seen === null) return <p className="review-muted review-block">{m('changes.first')}</p>;
  const parts = changesSince(d, ctx.isNew);
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
