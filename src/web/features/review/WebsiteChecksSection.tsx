/**
 * The department's checks of the agency's website (R5) that the website criteria are scored on, on
 * both sides: shown here so that the assessor sees what the points rest on.
 */
import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Popconfirm } from 'antd';
import { dateTimeVn } from '../../format.ts';
import type { ReviewContext } from './context.ts';
import { seenKey } from './lastVisit.ts';
import { m } from './messages.ts';
import { websiteChecksApi } from './reviewApi.ts';
import { pick } from './text.ts';
import { ErrorLine, NewMark, Section } from './ui.tsx';
import { valueText } from './valueText.ts';
import { WebsiteCheckForm } from './WebsiteCheckForm.tsx';

export function WebsiteChecksSection({ id, ctx }: { id: string; ctx: ReviewContext }) {
  const checks = ctx.data.websiteChecks;
  const fields = new Map(ctx.data.values.map((v) => [v.key, v]));
  return (
    <Section id={id} title={m('sec.website')}>
      <p>{m('web.intro')}</p>
      {checks.length === 0 ? (
        <p>{m('web.none')}</p>
      ) : (
        <ul className="review-cards">
          {checks.map((c) => (
            <li key={c.id} className="review-card">
              <h3>
                {m('web.item', {
                  at: dateTimeVn(c.checkedAt),
                  source: c.source === 'manual' ? m('web.manual') : m('web.crawler'),
                })}{' '}
                <NewMark show={ctx.isNew(seenKey.check(c.id))} />
              </h3>
              {c.checkedBy && <p className="review-muted">{m('web.by', { name: c.checkedBy.name })}</p>}
              {ctx.canCheckWebsite && <RemoveCheck ctx={ctx} checkId={c.id} at={dateTimeVn(c.checkedAt)} />}
              {c.note && <p>{c.note}</p>}
              <dl className="review-dl review-dl-grid">
                {Object.entries(c.values).map(([key, value]) => {
                  const f = fields.get(key);
                  return (
                    <div key={key}>
                      <dt>{f ? pick(f.label) : key}</dt>
                      <dd>{f ? valueText(f, value) : String(value)}</dd>
                    </div>
                  );
                })}
              </dl>
            </li>
          ))}
        </ul>
      )}
      {ctx.canCheckWebsite && <WebsiteCheckForm ctx={ctx} />}
    </Section>
  );
}

function RemoveCheck(props: { ctx: ReviewContext; checkId: string; at: string }) {
  const { message } = AntApp.useApp();
  const remove = useMutation({
    mutationFn: () => websiteChecksApi.remove(props.ctx.agencyId, props.checkId, null),
    onSuccess: async () => {
      void message.success(m('web.removed'));
      await props.ctx.refresh();
    },
  });
  return (
    <>
      <Popconfirm
        title={m('web.remove')}
        description={<div className="review-popconfirm">{m('web.removeConfirm', { at: props.at })}</div>}
        okText={m('web.remove')}
        cancelText={m('cancel')}
        onConfirm={() => remove.mutate()}
      >
        <Button size="small" danger loading={remove.isPending}>
          {m('web.remove')}
        </Button>
      </Popconfirm>
      <ErrorLine error={remove.error} />
    </>
  );
}
