/**
 * The reporter's start page (/bao-cao): the current cycle of the agency with its deadline counting
 * down in Vietnam time, the department's documents, the state of the agency's form with the one
 * next step, open queries, and the agency's other cycles.
 */

import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, Button, Table } from 'antd';
import { useEffect, useState } from 'react';
import { apiUrl } from '../../api.ts';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { dateTimeVn, fileSizeVn } from '../../format.ts';
import { pick } from '../../i18n/messages.ts';
import { Link, navigate } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { AgencySurveyPlans } from '../surveys/AgencySurveyPlans.tsx';
import { countdown, currentCycle, formStateText, nextStep, visibleCycles } from './home.ts';
import { m } from './messages.ts';
import { type CycleSummary, type FormState, reporterApi } from './reporterApi.ts';
import { StatusTag } from './StatusTag.tsx';
import './reporter.css';

/** The time now, refreshed every 30 seconds: enough for a countdown in hours and minutes. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export default function ReporterHome({ user }: ScreenProps) {
  const agencyId = user.agencyId;
  const cycles = useQuery({ queryKey: ['cycles'], queryFn: reporterApi.cycles });
  const list = visibleCycles(cycles.data?.cycles ?? []);
  const current = currentCycle(list);
  const forms = useQueries({
    queries: list.map((c) => ({
      queryKey: ['submission', c.id, agencyId],
      queryFn: () => reporterApi.form(c.id, agencyId!),
      enabled: Boolean(agencyId),
      retry: false,
    })),
  });
  const formOf = (id: string) => forms[list.findIndex((c) => c.id === id)]?.data;

  const header = (
    <PageHeader
      title={m('home.title')}
      intro={<p>{m('home.intro', { agency: formOf(current?.id ?? '')?.agency.name ?? user.displayName })}</p>}
    />
  );
  if (!agencyId)
    return (
      <>
        {header}
        <Alert type="warning" showIcon title={m('home.noAgency')} />
      </>
    );
  if (cycles.isError)
    return (
      <>
        {header}
        <LoadError error={cycles.error} onRetry={() => void cycles.refetch()} />
      </>
    );
  if (cycles.isPending)
    return (
      <>
        {header}
        <Loading />
      </>
    );
  return (
    <>
      {header}
      {current ? (
        <>
          <AgencySurveyPlans cycleId={current.id} />
          <CurrentCycle cycle={current} form={formOf(current.id)} agencyId={agencyId} />
        </>
      ) : (
        <Alert type="info" showIcon title={m('home.noCycle')} />
      )}
      <section className="reporter-card" aria-labelledby="home-others">
        <h2 id="home-others">{m('home.others')}</h2>
        {list.filter((c) => c.id !== current?.id).length === 0 ? (
          <p>{m('home.noOthers')}</p>
        ) : (
          <div className="reporter-table-scroll">
            <Table
              size="small"
              pagination={false}
              rowKey="id"
              aria-label={m('home.othersCaption')}
              dataSource={list.filter((c) => c.id !== current?.id)}
              columns={[
                { title: m('home.year'), dataIndex: 'year' },
                { title: m('home.cycle'), dataIndex: 'title' },
                { title: m('home.state'), render: (_, c) => pick(c.stateLabel) },
                { title: m('home.form'), render: (_, c) => formStateText(formOf(c.id)) },
                {
                  title: m('home.links'),
                  render: (_, c) => (
                    <span className="reporter-actions">
                      <Link to={`/bao-cao/${c.id}`}>{m('home.openForm')}</Link>
                      {c.state === 'published' && (
                        <Link to={`/ky/${c.id}/ket-qua/${agencyId}`}>{m('home.results')}</Link>
                      )}
                    </span>
                  ),
                },
              ]}
            />
          </div>
        )}
      </section>
    </>
  );
}

function CurrentCycle(props: { cycle: CycleSummary; form: FormState | undefined; agencyId: string }) {
  const { cycle, form } = props;
  const now = useNow();
  const detail = useQuery({ queryKey: ['cycle', cycle.id], queryFn: () => reporterApi.cycle(cycle.id) });
  const queries = useQuery({
    queryKey: ['queries', cycle.id, props.agencyId],
    queryFn: () => reporterApi.queries(cycle.id, props.agencyId),
  });
  const left = countdown(cycle.deadline, now);
  const open = (queries.data?.queries ?? []).filter((q) => q.status === 'open').length;
  const docs = detail.data?.cycle.documents;
  const formUrl = `/bao-cao/${cycle.id}`;
  const next = nextStep(cycle.id, form);
  return (
    <div className="reporter-home-grid">
      <section className="reporter-card" aria-labelledby="home-current">
        <h2 id="home-current">
          {m('home.current')}: {cycle.title}
        </h2>
        <StatusTag tone={cycle.state === 'open' ? 'blue' : 'grey'}>{pick(cycle.stateLabel)}</StatusTag>
        {cycle.state === 'published' ? (
          <p className="reporter-published" data-testid="home-published">
            {m('home.publishedNote')}{' '}
            <Link to={`/ky/${cycle.id}/ket-qua/${props.agencyId}`}>{m('home.viewResult')}</Link>
          </p>
        ) : cycle.state === 'approved' ? (
          <p className="reporter-published" data-testid="home-approved">
            {m('home.approvedNote')} <Link to={`/ky/${cycle.id}/kien-nghi`}>{m('home.viewAppeals')}</Link>
          </p>
        ) : (
          <>
            <h3>{m('home.deadline')}</h3>
            <p>{m('home.deadlineAt', { at: dateTimeVn(cycle.deadline) })}</p>
          </>
        )}
        {cycle.state === 'open' &&
          (left ? (
            <p className="reporter-countdown" data-testid="countdown">
              {left}
            </p>
          ) : (
            <div data-testid="countdown-passed">
              <Alert type="warning" showIcon title={m('home.passed')} />
            </div>
          ))}
        {detail.data?.cycle.announcement && (
          <p className="reporter-msg-body">{detail.data.cycle.announcement}</p>
        )}
      </section>
      <section className="reporter-card" aria-labelledby="home-state">
        <h2 id="home-state">{m('home.reportState')}</h2>
        <p data-testid="report-state">{formStateText(form)}</p>
        {form && form.withdrawnCount > 0 && form.status === 'draft' && (
          <p>{m('home.withdrawn', { n: form.withdrawnCount })}</p>
        )}
        {form?.notEditable && form.status !== 'submitted' && (
          <p className="reporter-muted">{form.notEditable.message}</p>
        )}
        <Button type="primary" size="large" onClick={() => navigate(next.to)}>
          {next.label}
        </Button>
        {form?.status === 'submitted' && (
          <p>
            <Link to={formUrl}>{m('home.viewForm')}</Link>
          </p>
        )}
      </section>
      <section className="reporter-card" aria-labelledby="home-docs">
        <h2 id="home-docs">{m('home.documents')}</h2>
        {detail.isError ? (
          <LoadError error={detail.error} />
        ) : docs && (docs.guidance || docs.form) ? (
          <ul>
            {docs.guidance && (
              <li>
                <a href={apiUrl(`/cycles/${cycle.id}/documents/guidance`)} download>
                  {m('home.guidance')}: {docs.guidance.filename}
                </a>{' '}
                ({fileSizeVn(docs.guidance.size)})
              </li>
            )}
            {docs.form && (
              <li>
                <a href={apiUrl(`/cycles/${cycle.id}/documents/form`)} download>
                  {m('home.formDoc')}: {docs.form.filename}
                </a>{' '}
                ({fileSizeVn(docs.form.size)})
              </li>
            )}
          </ul>
        ) : (
          <p>{detail.isPending ? '…' : m('home.noDocuments')}</p>
        )}
      </section>
      <section className="reporter-card" aria-labelledby="home-queries">
        <h2 id="home-queries">{m('home.queries')}</h2>
        <p data-testid="open-queries">
          {open > 0 ? m('home.openQueries', { n: open }) : m('home.noQueries')}
        </p>
        {(queries.data?.queries.length ?? 0) > 0 && (
          <Link to={`${formUrl}#cau-hoi`}>{m('home.toQueries')}</Link>
        )}
      </section>
    </div>
  );
}
