/**
 * One appeal as the agency and the department read it: the criterion, what the agency wrote and
 * attached, its status, and the department's answer with its effect on the score (the corrected
 * figures, the criterion's and the total's points before and after).
 */
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { dateTimeVn, fileSizeVn, scoreVn } from '../../format.ts';
import { pick as tx } from '../../i18n/messages.ts';
import { type AppealView, appealsApi } from './appealsApi.ts';
import { m } from './messages.ts';

export function AppealCard(props: {
  cycleId: string;
  appeal: AppealView;
  /** Show the agency's name (the department's lists). */
  withAgency?: boolean;
  /** The department's answer form, under an open appeal. */
  children?: ReactNode;
}) {
  const { appeal: a, cycleId } = props;
  const headingId = `appeal-${a.id}-h`;
  return (
    <article
      className="appeal-card"
      aria-labelledby={headingId}
      data-testid="appeal"
      data-status={a.status}
      data-criterion={a.criterion.id}
    >
      <h3 id={headingId} className="appeal-card-title">
        {props.withAgency && <span className="appeal-agency">{`${a.agency.name} — `}</span>}
        {`${a.criterion.id}. ${tx(a.criterion.name)}`}{' '}
        <Tag className={`appeal-tag appeal-tag-${a.status}`} data-testid="appeal-status">
          {tx(a.statusLabel)}
        </Tag>
      </h3>
      <p className="appeal-meta">
        {a.filedBy
          ? m('list.filed', { date: dateTimeVn(a.filedAt), name: a.filedBy })
          : m('list.filedPlain', { date: dateTimeVn(a.filedAt) })}
      </p>
      <blockquote className="appeal-text">{a.text}</blockquote>
      {a.files.length > 0 && (
        <p>
          {m('list.files')}{' '}
          {a.files.map((f, i) => (
            <span key={f.id}>
              {i > 0 && ', '}
              <a href={appealsApi.fileUrl(cycleId, a.id, f.id)} download={f.filename}>
                {f.filename}
              </a>{' '}
              ({fileSizeVn(f.size)})
            </span>
          ))}
        </p>
      )}
      {a.status === 'open' ? (
        <p className="appeal-waiting">{m('list.waiting')}</p>
      ) : (
        <section className="appeal-answer" aria-label={m('list.answer')} data-testid="appeal-answer">
          <p className="appeal-answer-head">
            <strong>{m('list.answer')}</strong>
            {a.answeredAt &&
              ` (${m('list.answeredBy', { name: a.answeredBy ?? '', date: dateTimeVn(a.answeredAt) })})`}
          </p>
          <p className="appeal-answer-text">{a.answer}</p>
          {a.corrections.length > 0 && (
            <div>
              {m('list.corrected')}
              <ul>
                {a.corrections.map((c) => (
                  <li key={c.fieldKey}>
                    {m('list.correction', { label: tx(c.label), before: tx(c.before), after: tx(c.after) })}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {a.status === 'upheld' &&
            a.pointsBefore !== null &&
            a.pointsAfter !== null &&
            a.totalBefore !== null &&
            a.totalAfter !== null && (
              <p data-testid="appeal-effect">
                {m('list.effect', {
                  before: scoreVn(a.pointsBefore),
                  after: scoreVn(a.pointsAfter),
                  totalBefore: scoreVn(a.totalBefore),
                  totalAfter: scoreVn(a.totalAfter),
                })}
              </p>
            )}
        </section>
      )}
      {props.children}
    </article>
  );
}
