/** One planned visit as the department and the agency read it: date, team, purpose, status, the figures to verify and what was found. */

import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { dateVn } from '../../format.ts';
import { pick as tx } from '../../i18n/messages.ts';
import { m } from './messages.ts';
import type { PlanView } from './surveysApi.ts';

export function PlanCard(props: { plan: PlanView; children?: ReactNode; headingLevel?: 3 | 4 }) {
  const { plan: p } = props;
  const H = props.headingLevel === 4 ? 'h4' : 'h3';
  const headingId = `plan-${p.id}-h`;
  return (
    <article
      className="plan-card"
      aria-labelledby={headingId}
      data-testid="survey-plan"
      data-status={p.status}
    >
      <H id={headingId} className="plan-card-title">
        {m('card.date', { date: dateVn(p.visitDate) })}{' '}
        <Tag className={`plan-tag plan-tag-${p.status}`} data-testid="plan-status">
          {tx(p.statusLabel)}
        </Tag>
      </H>
      <dl className="plan-dl">
        <dt>{m('card.team')}</dt>
        <dd>{p.team}</dd>
        <dt>{m('card.purpose')}</dt>
        <dd>{p.purpose}</dd>
      </dl>
      {p.status === 'reschedule' && p.proposedDate && (
        <p className="plan-note" data-testid="plan-reschedule">
          {m('card.reschedule', { date: dateVn(p.proposedDate), reason: p.replyNote ?? '' })}
        </p>
      )}
      <p className="plan-sub">{m('card.claims')}</p>
      <ul className="plan-claims">
        {p.claims.map((c) => (
          <li key={c.fieldKey} data-field={c.fieldKey}>
            <strong>{tx(c.label)}</strong> — {c.why}
            <div className="plan-muted">
              {c.outcome === null
                ? m('card.now', { value: tx(c.currentShown) })
                : c.outcome === 'confirmed'
                  ? m('card.confirmed')
                  : m('card.differs', { value: tx(c.observedShown) })}
            </div>
          </li>
        ))}
      </ul>
      {props.children}
    </article>
  );
}
