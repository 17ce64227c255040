/**
 * /ky/:cycleId/xu-ly-kien-nghi — the department's list of the agencies' appeals on a cycle's
 * provisional result, the open ones first, each with its answer form (upheld with corrected data,
 * or rejected with the reason); the Steering Committee reads the same list.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Radio } from 'antd';
import { useState } from 'react';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { t } from '../../i18n/messages.ts';
import { Link } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { AnswerForm } from './AnswerForm.tsx';
import { AppealCard } from './AppealCard.tsx';
import { PeriodSection } from './AppealsPage.tsx';
import { type AppealView, appealsApi } from './appealsApi.ts';
import { m } from './messages.ts';
import './appeals.css';

export default function AppealsReviewPage({ params, user }: ScreenProps) {
  const cycleId = params.cycleId!;
  const view = useQuery({
    queryKey: ['appeals', cycleId, 'all'],
    queryFn: () => appealsApi.list(cycleId),
    retry: false,
  });
  const v = view.data;
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const title = v ? m('appeals.title', { year: v.cycle.year }) : m('appeals.titlePlain');
  const shown = (v?.appeals ?? []).filter((a) => filter === 'all' || a.status === 'open');
  return (
    <div className="appeals-page">
      <PageHeader
        title={title}
        crumbs={[
          { label: t('app.home'), to: '/' },
          ...(user.role === 'approver' ? [] : [{ label: m('link.progress'), to: `/ky/${cycleId}/tien-do` }]),
        ]}
        intro={<p>{m('staff.intro')}</p>}
      />
      {view.isPending && <Loading label={m('appeals.loading')} />}
      {view.isError && (
        <LoadError error={view.error} title={m('appeals.notAvailable')} onRetry={() => void view.refetch()} />
      )}
      {v && (
        <>
          <PeriodSection v={v} />
          {(user.role === 'approver' || user.role === 'admin') && (
            <p>
              <Link to={`/ky/${cycleId}/phe-duyet`}>{m('staff.toApproval')}</Link>
            </p>
          )}
          <section aria-labelledby="staff-list-h" className="appeals-section">
            <h2 id="staff-list-h" className="appeals-sub">
              {m('list.titleStaff')}{' '}
              <span className="appeal-count" data-testid="open-count">
                ({m('list.open', { n: v.openCount })})
              </span>
            </h2>
            <fieldset className="appeal-field">
              <legend>{m('list.filter')}</legend>
              <Radio.Group value={filter} onChange={(e) => setFilter(e.target.value as 'open' | 'all')}>
                <Radio value="open">{m('list.filterOpen')}</Radio>
                <Radio value="all">{m('list.filterAll')}</Radio>
              </Radio.Group>
            </fieldset>
            {shown.length === 0 && <p>{m('list.none')}</p>}
            <AppealList cycleId={cycleId} appeals={shown} canAnswer={v.canAnswer} withAgency />
          </section>
        </>
      )}
    </div>
  );
}

/** Appeals as cards, each open one with the answer form when the reader may answer. */
export function AppealList(props: {
  cycleId: string;
  appeals: readonly AppealView[];
  canAnswer: boolean;
  withAgency?: boolean;
}) {
  const client = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const answered = async (a: AppealView) => {
    setDone(m('answer.done', { agency: a.agency.name }));
    // The answer may have changed the scores: the appeals, the results and the review read again.
    await Promise.all(
      [
        ['appeals', props.cycleId],
        ['results', props.cycleId],
        ['results-agency', props.cycleId],
        ['review'],
      ].map((queryKey) => client.invalidateQueries({ queryKey })),
    );
  };
  return (
    <>
      {done && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={done}
          closable={{ onClose: () => setDone(null) }}
          className="appeals-done"
        />
      )}
      {props.appeals.map((a) => (
        <AppealCard key={a.id} cycleId={props.cycleId} appeal={a} withAgency={props.withAgency ?? false}>
          {a.status === 'open' && props.canAnswer && (
            <AnswerForm cycleId={props.cycleId} appeal={a} onDone={(x) => void answered(x)} />
          )}
          {props.withAgency && (
            <p>
              <Link to={`/ky/${props.cycleId}/tham-dinh/${a.agency.id}`}>{m('list.review')}</Link>
            </p>
          )}
        </AppealCard>
      ))}
    </>
  );
}
