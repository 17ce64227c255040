/**
 * One feedback item as its raiser and the department read it: what it is about, the text and
 * file, its status and topic, and the department's answer — with, for an item taken into the next
 * version, the link to that version's changes (the criteria comparison screen).
 */
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { dateTimeVn, fileSizeVn } from '../../format.ts';
import { pick as tx } from '../../i18n/messages.ts';
import { Link } from '../../router.tsx';
import { type FeedbackItemView, feedbackApi } from './feedbackApi.ts';
import { m } from './messages.ts';

export function FeedbackCard(props: { item: FeedbackItemView; withRaiser?: boolean; children?: ReactNode }) {
  const { item: i } = props;
  const headingId = `feedback-${i.id}-h`;
  const kind = m(`form.kind.${i.kind}`);
  return (
    <article
      className="feedback-card"
      aria-labelledby={headingId}
      data-testid="feedback-item"
      data-status={i.status}
    >
      <h3 id={headingId} className="feedback-card-title">
        {tx(i.about)}{' '}
        <Tag className={`feedback-tag feedback-tag-${i.status}`} data-testid="feedback-status">
          {tx(i.statusLabel)}
        </Tag>
      </h3>
      <p className="feedback-meta">
        {props.withRaiser
          ? m('list.raisedBy', {
              kind,
              name: i.agency ? `${i.raisedBy.displayName} (${i.agency})` : i.raisedBy.displayName,
              date: dateTimeVn(i.raisedAt),
            })
          : m('list.raised', { kind, date: dateTimeVn(i.raisedAt) })}
        {i.topic && (
          <>
            {' · '}
            <span data-testid="feedback-topic">{m('list.topic', { name: i.topic.name })}</span>
          </>
        )}
      </p>
      <blockquote className="feedback-text">{i.text}</blockquote>
      {i.file && (
        <p>
          {m('list.file')}{' '}
          <a href={feedbackApi.fileUrl(i.id)} download={i.file.filename}>
            {i.file.filename}
          </a>{' '}
          ({fileSizeVn(i.file.size)})
        </p>
      )}
      {i.status === 'new' ? (
        <p className="feedback-waiting">{m('list.waiting')}</p>
      ) : (
        <section className="feedback-answer" aria-label={m('list.answer')} data-testid="feedback-answer">
          <p className="feedback-answer-head">
            <strong>{m('list.answer')}</strong>
            {i.answeredAt &&
              ` (${m('list.answeredBy', { name: i.answeredBy ?? '', date: dateTimeVn(i.answeredAt) })})`}
          </p>
          <p className="feedback-answer-text">{i.answer}</p>
          {i.status === 'adopted' &&
            (i.nextVersion ? (
              <p>
                {m('list.nextVersion', { version: i.nextVersion.label })}{' '}
                {i.criteriaVersion && (
                  <Link to={`/quan-tri/bo-tieu-chi/so-sanh?a=${i.criteriaVersion.id}&b=${i.nextVersion.id}`}>
                    {m('list.compare')}
                  </Link>
                )}
              </p>
            ) : (
              <p>{m('list.nextVersionLater')}</p>
            ))}
        </section>
      )}
      {props.children}
    </article>
  );
}
