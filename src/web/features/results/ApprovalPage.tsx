/**
 * /ky/:cycleId/phe-duyet — the Steering Committee's decision on a cycle: the provisional ranking
 * exactly as publication would freeze it, how far the review has got, and the decisions — approve,
 * return to the assessors with the reason, publish (irreversible, public at /ket-qua), and after
 * publication reopen for a correction that becomes revision N+1. The administrator sees the same
 * page and may only reopen for a correction, as the server permits.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, type Cycle } from '../../api.ts';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { dateTimeVn, dateVn } from '../../format.ts';
import { t } from '../../i18n/messages.ts';
import { Link } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { AppealCard } from '../appeals/AppealCard.tsx';
import { type AppealsView, appealsApi } from '../appeals/appealsApi.ts';
import { ActionDialog, type DialogSpec } from './ActionDialog.tsx';
import { approvalActions, reviewCompleteness, stateHelp } from './approval.ts';
import { GroupSection } from './GroupSection.tsx';
import { m } from './messages.ts';
import { agencyLink } from './mode.ts';
import { DocumentLinks } from './ResultsPage.tsx';
import { RevisionList } from './RevisionList.tsx';
import { PREVIEW_STATES, type ProgressBoard, type RankingRow, resultsApi, tx } from './resultsApi.ts';
import { StatusBanner } from './StatusBanner.tsx';
import { useCriteria, useCycle, useResults, useRevisions } from './useResultsData.ts';
import './results.css';

export default function ApprovalPage({ params, user }: ScreenProps) {
  const cycleId = params.cycleId!;
  const client = useQueryClient();
  const { cycles, cycle } = useCycle(cycleId);
  const state = cycle?.state;
  const preview = !!state && PREVIEW_STATES.includes(state);
  const results = useResults(cycleId, preview, !!state && (preview || state === 'published'));
  const revisions = useRevisions(cycleId, !!state);
  const progress = useQuery({
    queryKey: ['progress', cycleId],
    queryFn: () => resultsApi.progress(cycleId),
    enabled: !!state,
  });
  const criteria = useCriteria(results.data?.criteria.id);
  // The agencies' appeals: the first publication waits for them, or the approver writes why not.
  const appeals = useQuery({
    queryKey: ['appeals', cycleId, 'all'],
    queryFn: () => appealsApi.list(cycleId),
    enabled: state === 'approved' || state === 'published',
    retry: false,
  });
  const [dialog, setDialog] = useState<DialogSpec | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const lastRevision = revisions.data?.revisions[0]?.number ?? 0;
  const refresh = async (message: string) => {
    setDialog(null);
    setDone(message);
    // The cycle's new state first: refetching the provisional ranking of a cycle just published
    // would be refused (409). Its cached copy is dropped, the published one read again.
    await client.invalidateQueries({ queryKey: ['cycles'] });
    client.removeQueries({ queryKey: ['results', cycleId, true], exact: true });
    await Promise.all(
      [
        ['results', cycleId, false],
        ['results-revisions', cycleId],
        ['progress', cycleId],
      ].map((k) => client.invalidateQueries({ queryKey: k })),
    );
  };
  const isApprover = user.role === 'approver';
  const publishBlock =
    lastRevision === 0 && state === 'approved' ? (appeals.data?.publishBlock ?? null) : null;
  const overriding = publishBlock !== null;
  const year = cycle?.year ?? '';

  const specs = {
    approve: (): DialogSpec => ({
      title: m('approve.title'),
      consequence: m('approve.consequence', { year }),
      okText: m('approve.ok'),
      text: { label: m('approve.note'), help: m('approve.noteHelp'), required: false },
      run: (note) => resultsApi.approve(cycleId, note).then(() => refresh(m('approve.done'))),
    }),
    return: (): DialogSpec => ({
      title: m('return.title'),
      consequence: m('return.consequence'),
      okText: m('return.ok'),
      danger: true,
      text: { label: m('return.reason'), help: m('return.reasonHelp'), required: true },
      run: (reason) => resultsApi.returnForReview(cycleId, reason).then(() => refresh(m('return.done'))),
    }),
    publish: (): DialogSpec => ({
      title: lastRevision ? m('publish.titleAgain', { n: lastRevision + 1 }) : m('publish.title'),
      consequence: m('publish.consequence', { year, n: lastRevision + 1 }),
      okText: m('publish.ok'),
      danger: true,
      decision: true,
      ...(lastRevision > 0 && {
        text: { label: m('publish.reason'), help: m('publish.reasonHelp'), required: true },
      }),
      // The first publication while the appeals are not done: the override's reason instead.
      ...(overriding && {
        text: {
          label: m('publish.override'),
          help: m('publish.overrideHelp', { waits: tx(publishBlock) }),
          required: true,
        },
        textField: 'appealOverride',
      }),
      run: (text, decision) =>
        resultsApi.publish(cycleId, overriding ? '' : text, decision, overriding ? text : undefined).then(
          (r) =>
            refresh(m('publish.done', { n: r.revision.number, date: dateTimeVn(r.revision.publishedAt) })),
          async (e: unknown) => {
            // An appeal filed since the page was read: the list and the publish step learn of it.
            if (e instanceof ApiError && e.code === 'appeals_pending') await appeals.refetch();
            throw e;
          },
        ),
    }),
    revise: (): DialogSpec => ({
      title: m('revise.title'),
      consequence: m('revise.consequence', { n: lastRevision, next: lastRevision + 1 }),
      okText: m('revise.ok'),
      text: { label: m('revise.reason'), help: m('revise.reasonHelp'), required: true },
      run: (reason) => resultsApi.revise(cycleId, reason).then(() => refresh(m('revise.done'))),
    }),
  };

  const linkOf = (r: Pick<RankingRow, 'agencyId'>) => agencyLink(cycleId, r.agencyId, preview);
  const can = state ? approvalActions(user.role, state) : null;

  return (
    <div className="results-page">
      <PageHeader
        title={cycle ? m('approval.title', { year: cycle.year }) : m('approval.titlePlain')}
        crumbs={[{ label: t('app.home'), to: '/' }]}
        intro={cycle && <Typography.Paragraph>{cycle.title}</Typography.Paragraph>}
      />
      {cycles.isPending && <Loading />}
      {cycles.isError && <LoadError error={cycles.error} onRetry={() => void cycles.refetch()} />}
      {cycles.isSuccess && !cycle && <LoadError error={new Error(m('approval.noCycle'))} />}
      {done && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={done}
          closable={{ onClose: () => setDone(null) }}
          className="results-banner"
        />
      )}
      {cycle && state && (
        <>
          <section className="results-decision" aria-labelledby="decision-h">
            <h2 id="decision-h" className="results-sub">
              {m('approval.decision')}
            </h2>
            <p>
              {m('approval.state')} <strong data-testid="cycle-state">{t(`state.${state}`) || state}</strong>
              {lastRevision > 0 && ` · ${m('approval.revisions', { n: lastRevision })}`}
            </p>
            <p className="results-muted">{stateHelp(state)}</p>
            <Dates cycle={cycle} />
            {progress.data && <Completeness board={progress.data} />}
            {progress.isError && <LoadError error={progress.error} />}
            <Space wrap className="no-print">
              {can?.approve && (
                <Button type="primary" onClick={() => setDialog(specs.approve())}>
                  {m('approve.button')}
                </Button>
              )}
              {can?.publish && (
                <Button type="primary" onClick={() => setDialog(specs.publish())}>
                  {m('publish.button')}
                </Button>
              )}
              {can?.returnForReview && (
                <Button onClick={() => setDialog(specs.return())}>{m('return.button')}</Button>
              )}
              {can?.revise && <Button onClick={() => setDialog(specs.revise())}>{m('revise.button')}</Button>}
              {state === 'published' && <Link to={`/ky/${cycleId}/ket-qua`}>{m('approval.toResults')}</Link>}
              {state === 'published' && (
                <a href="/ket-qua" target="_blank" rel="noopener">
                  {m('approval.toPublic')}
                </a>
              )}
            </Space>
            {!isApprover && <p className="results-muted">{m('approval.adminOnlyRevise')}</p>}
          </section>

          {state === 'approved' &&
            lastRevision === 0 &&
            appeals.data &&
            (appeals.data.period.days > 0 || appeals.data.appeals.length > 0) && (
              <AppealsBeforePublishing cycleId={cycleId} v={appeals.data} />
            )}
          {appeals.isError && <LoadError error={appeals.error} />}

          {revisions.data && revisions.data.revisions.length > 0 && (
            <RevisionList cycleId={cycleId} revisions={revisions.data.revisions} downloads />
          )}
          {lastRevision > 0 && (
            <section className="results-downloads no-print" aria-label={m('downloads.documents')}>
              <DocumentLinks cycleId={cycleId} revision={lastRevision} />
            </section>
          )}

          <section aria-labelledby="ranking-h">
            <h2 id="ranking-h" className="results-sub">
              {preview ? m('approval.provisional') : m('approval.published')}
            </h2>
            {results.isPending && results.fetchStatus !== 'idle' && <Loading label={m('results.loading')} />}
            {results.isError && <LoadError error={results.error} onRetry={() => void results.refetch()} />}
            {!preview && state !== 'published' && <p>{m('approval.nothingYet')}</p>}
            {results.data && <StatusBanner data={results.data} />}
            {results.data?.groups.map((g) => (
              <GroupSection
                key={g.id}
                group={g}
                classes={results.data.classes}
                criteria={criteria.data?.summary}
                linkOf={linkOf}
                level={3}
              />
            ))}
          </section>
          <ActionDialog spec={dialog} onClose={() => setDialog(null)} onDone={() => {}} />
        </>
      )}
    </div>
  );
}

/** When the result was approved and by when it must be published (the cycle's plan). */
function Dates(props: { cycle: Cycle & { approvedAt?: string | null; publishBy?: string } }) {
  const { approvedAt, publishBy, state } = props.cycle;
  return (
    <p>
      {approvedAt && state === 'approved' && `${m('approval.approvedAt', { date: dateTimeVn(approvedAt) })} `}
      {publishBy && state !== 'published' && m('approval.publishBy', { date: dateVn(publishBy) })}
    </p>
  );
}

/** How far the review has got: reviewed agencies out of those that submitted, and what is still open. */
function Completeness(props: { board: ProgressBoard }) {
  const {
    submitted,
    reviewed,
    pending,
    missing,
    openQueries,
    pendingClaims: claims,
    percent,
  } = reviewCompleteness(props.board);
  return (
    <div className="results-completeness" data-testid="completeness">
      <p>
        <strong>{m('completeness.line', { reviewed, submitted })}</strong>
        {` ${m('completeness.more', { missing, queries: openQueries, claims })}`}
      </p>
      <Progress
        percent={percent}
        aria-label={m('completeness.bar', { percent })}
        strokeColor="#135200"
        style={{ maxWidth: 480 }}
      />
      {pending.length > 0 && (
        <details>
          <summary>{m('completeness.pending', { n: pending.length })}</summary>
          <ul>
            {pending.map((a) => (
              <li key={a.agencyId}>
                {`${a.name}: ${tx(a.reviewStateLabel)}`}
                {a.openQueries > 0 && ` · ${m('completeness.queries', { n: a.openQueries })}`}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/**
 * What the first publication waits for: the appeal period and the appeals not yet answered,
 * listed, with the way to answer them; or that nothing is waited for.
 */
function AppealsBeforePublishing(props: { cycleId: string; v: AppealsView }) {
  const { v } = props;
  const open = v.appeals.filter((a) => a.status === 'open');
  const answered = v.appeals.length - open.length;
  return (
    <section className="results-decision" aria-labelledby="appeals-h" data-testid="publish-appeals">
      <h2 id="appeals-h" className="results-sub">
        {m('appeals.title')}
      </h2>
      {v.publishBlock ? (
        <Alert type="warning" showIcon title={m('appeals.waits', { text: tx(v.publishBlock) })} />
      ) : (
        <p>{m('appeals.none')}</p>
      )}
      {answered > 0 && <p>{m('appeals.answered', { n: answered })}</p>}
      {open.length > 0 && (
        <>
          <h3 className="results-sub">{m('appeals.open', { n: open.length })}</h3>
          {open.map((a) => (
            <AppealCard key={a.id} cycleId={props.cycleId} appeal={a} withAgency />
          ))}
        </>
      )}
      <p className="no-print">
        <Link to={`/ky/${props.cycleId}/xu-ly-kien-nghi`}>{m('appeals.toList')}</Link>
      </p>
    </section>
  );
}
