/**
 * /gop-y/xu-ly — the department's page for the feedback on the regulation: every item, filtered
 * by status and topic, each with its topic and answer forms (administrator, assessors), and the
 * yearly summary for the People's Committee (DOCX, PDF); the Steering Committee reads the same.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useId, useState } from 'react';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { t, pick as tx } from '../../i18n/messages.ts';
import { Link } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { AnswerForm, TopicForm } from './AnswerForm.tsx';
import { FeedbackCard } from './FeedbackCard.tsx';
import { type FeedbackItemView, type FeedbackView, feedbackApi } from './feedbackApi.ts';
import { m } from './messages.ts';
import './feedback.css';

const STATUSES = ['new', 'answered', 'adopted', 'declined'] as const;
const STATUS_WORDS = {
  new: 'review.status.new',
  answered: 'answer.answered',
  adopted: 'answer.adopted',
  declined: 'answer.declined',
} as const;

export default function FeedbackReviewPage(_props: ScreenProps) {
  const id = useId();
  const client = useQueryClient();
  const view = useQuery({
    queryKey: ['feedback', 'all'],
    queryFn: () => feedbackApi.list('all'),
    retry: false,
  });
  const v = view.data;
  const [status, setStatus] = useState<string>('');
  const [topic, setTopic] = useState<string>('');
  const [done, setDone] = useState<string | null>(null);
  const shown = (v?.items ?? []).filter(
    (i) =>
      (!status || i.status === status) &&
      (!topic || (topic === '-' ? i.topic === null : i.topic?.id === topic)),
  );
  const changed = async (message?: string) => {
    if (message) setDone(message);
    await client.invalidateQueries({ queryKey: ['feedback'] });
  };
  return (
    <div className="feedback-page">
      <PageHeader
        title={m('review.title')}
        crumbs={[
          { label: t('app.home'), to: '/' },
          { label: m('page.title'), to: '/gop-y' },
        ]}
        intro={<p>{m('review.intro')}</p>}
      />
      {view.isPending && <Loading label={m('page.loading')} />}
      {view.isError && (
        <LoadError error={view.error} title={m('page.notAvailable')} onRetry={() => void view.refetch()} />
      )}
      {v && (
        <>
          <p data-testid="feedback-counts">{m('review.counts', v.counts)}</p>
          {v.canSummarise && <SummarySection years={v.years} />}
          <section aria-labelledby="all-h" className="feedback-section">
            <h2 id="all-h" className="feedback-sub">
              {m('list.all', { n: shown.length })}
            </h2>
            <div className="feedback-filters">
              <div className="feedback-field">
                <label htmlFor={`${id}-status`}>{m('review.filterStatus')}</label>
                <select
                  id={`${id}-status`}
                  className="feedback-native-select"
                  value={status}
                  onChange={(e) => setStatus(e.target.value)}
                >
                  <option value="">{m('review.all')}</option>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {m(STATUS_WORDS[s])}
                    </option>
                  ))}
                </select>
              </div>
              <div className="feedback-field">
                <label htmlFor={`${id}-topic`}>{m('review.filterTopic')}</label>
                <select
                  id={`${id}-topic`}
                  className="feedback-native-select"
                  value={topic}
                  onChange={(e) => setTopic(e.target.value)}
                >
                  <option value="">{m('review.all')}</option>
                  <option value="-">{m('review.noTopic')}</option>
                  {v.topics.map((tp) => (
                    <option key={tp.id} value={tp.id}>
                      {m('review.topicCount', { name: tp.name, n: tp.count })}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            {done && (
              <Alert
                type="success"
                showIcon
                role="status"
                title={done}
                closable={{ onClose: () => setDone(null) }}
                className="feedback-done"
              />
            )}
            {shown.length === 0 && <p>{v.items.length ? m('list.noneFiltered') : m('list.none')}</p>}
            {shown.map((i) => (
              <FeedbackCard key={`${i.id}-${i.revision}`} item={i} withRaiser>
                {v.canManage && <ManageForms item={i} v={v} onChanged={changed} />}
              </FeedbackCard>
            ))}
          </section>
          <p>
            <Link to="/gop-y">{m('page.title')}</Link>
          </p>
        </>
      )}
    </div>
  );
}

function ManageForms(props: {
  item: FeedbackItemView;
  v: FeedbackView;
  onChanged: (message?: string) => Promise<void>;
}) {
  const { item, v } = props;
  return (
    <div className="feedback-manage">
      <TopicForm item={item} topics={v.topics} onDone={() => void props.onChanged()} />
      <AnswerForm
        item={item}
        versions={v.versions}
        onDone={(i) => void props.onChanged(m('answer.done', { about: tx(i.about) }))}
      />
    </div>
  );
}

function SummarySection(props: { years: number[] }) {
  const id = useId();
  const [year, setYear] = useState<number | undefined>(props.years[0]);
  return (
    <section aria-labelledby="summary-h" className="feedback-section feedback-summary">
      <h2 id="summary-h" className="feedback-sub">
        {m('summary.title')}
      </h2>
      <p className="feedback-help">{m('summary.help')}</p>
      {year === undefined ? (
        <p>{m('summary.none')}</p>
      ) : (
        <div className="feedback-summary-row">
          <div className="feedback-field">
            <label htmlFor={`${id}-year`}>{m('summary.year')}</label>
            <select
              id={`${id}-year`}
              className="feedback-native-select"
              value={year}
              onChange={(e) => setYear(Number(e.target.value))}
            >
              {props.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <a className="feedback-download" href={feedbackApi.summaryUrl(year, 'docx')} download>
            {m('summary.docx')}
          </a>
          <a className="feedback-download" href={feedbackApi.summaryUrl(year, 'pdf')} download>
            {m('summary.pdf')}
          </a>
        </div>
      )}
    </section>
  );
}
