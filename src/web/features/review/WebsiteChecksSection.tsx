/**
 * The department's checks of the agency's website (R5) that the website criteria are scored on, on
 * both sides: shown here so that the assessor sees what the points rest on.
 */
import { dateTimeVn } from '../../format.ts';
import type { ReviewContext } from './context.ts';
import { seenKey } from './lastVisit.ts';
import { m } from './messages.ts';
import { pick } from './text.ts';
import { NewMark, Section } from './ui.tsx';
import { valueText } from './valueText.ts';

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
    </Section>
  );
}
