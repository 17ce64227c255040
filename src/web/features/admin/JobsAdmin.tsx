/**
 * The background jobs (việc nền) for the administrator: how many jobs wait, run, are done or
 * failed; the jobs of one state, each with what it does (a mail's recipient and subject), its
 * attempts, when it runs next and why it failed in plain words; a failed job, or all of them,
 * put back in the queue.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { LoadError, PageHeader } from '../../components/Page.tsx';
import { dateTimeVn } from '../../format.ts';
import { pick, said } from '../../i18n/messages.ts';
import { setSearch, useLocation } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { type JobStatus, type JobView, jobsApi } from './jobsApi.ts';
import { m } from './messages.ts';
import { ConfirmButton, emptyText, ScrollBox } from './shared.tsx';
import './admin.css';

const STATES: readonly JobStatus[] = ['failed', 'pending', 'running', 'done'];
const stateLabel = (s: JobStatus) => m(`jobs.state.${s}`);

/** A job in a few words: what it does, and for a mail its subject. */
const jobName = (j: JobView) => `${pick(j.kindLabel)}${j.mail ? ` “${j.mail.subject}”` : ''}`;

export default function JobsAdmin(_: ScreenProps) {
  const { search } = useLocation();
  const asked = search.get('trangthai') as JobStatus | null;
  const status: JobStatus = asked && STATES.includes(asked) ? asked : 'failed';
  // The pages read so far in this state: the cursor of each older page (none for the newest).
  const [paging, setPaging] = useState<{ status: JobStatus; cursors: string[] }>({ status, cursors: [] });
  const cursors = paging.status === status ? paging.cursors : [];
  const before = cursors[cursors.length - 1];
  const board = useQuery({
    queryKey: ['jobs', status, before ?? ''],
    queryFn: () => jobsApi.board(status, before),
  });
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const refresh = () => client.invalidateQueries({ queryKey: ['jobs'] });
  const counts = board.data?.counts;
  const jobs = board.data?.jobs ?? [];

  return (
    <>
      <PageHeader
        title={m('jobs.title')}
        crumbs={[{ label: m('crumb.home'), to: '/' }]}
        intro={<Typography.Paragraph>{m('jobs.intro')}</Typography.Paragraph>}
        extra={
          <Space wrap>
            {counts && counts.failed > 0 && (
              <ConfirmButton
                label={m('jobs.retryAll')}
                title={m('jobs.retryAllTitle', { n: counts.failed })}
                okLabel={m('jobs.retry')}
                description={<Typography.Paragraph>{m('jobs.retryAllWhat')}</Typography.Paragraph>}
                onConfirm={async () => {
                  const res = await jobsApi.retryAll();
                  void message.success(said(res));
                  await refresh();
                }}
              />
            )}
            <Button onClick={() => void refresh()}>{m('jobs.refresh')}</Button>
          </Space>
        }
      />
      {board.data && !board.data.runsHere && (
        <Alert type="warning" showIcon title={m('jobs.notHere')} style={{ marginBottom: 16 }} />
      )}
      <fieldset className="jobs-states">
        <legend className="visually-hidden">{m('jobs.state')}</legend>
        {STATES.map((s) => (
          <Button
            key={s}
            type={s === status ? 'primary' : 'default'}
            aria-pressed={s === status}
            onClick={() => setSearch({ trangthai: s === 'failed' ? null : s })}
          >
            {m('jobs.stateCount', { label: stateLabel(s), n: counts ? counts[s] : '…' })}
          </Button>
        ))}
      </fieldset>
      {board.isError && <LoadError error={board.error} onRetry={() => void board.refetch()} />}
      <ScrollBox label={m('jobs.list')} minWidth={900}>
        <Table<JobView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={jobs}
          loading={board.isFetching}
          locale={emptyText(board.isPending ? m('common.loading') : m(`jobs.empty.${status}`))}
          caption={
            <span className="visually-hidden">
              {m('jobs.list')}: {stateLabel(status)}
            </span>
          }
          columns={[
            {
              title: m('jobs.job'),
              key: 'job',
              render: (_, j) => (
                <>
                  <strong>{pick(j.kindLabel)}</strong>
                  {j.mail && (
                    <>
                      <div className="admin-break">{m('jobs.to', { to: j.mail.to.join(', ') })}</div>
                      <div>{m('jobs.subject', { subject: j.mail.subject })}</div>
                    </>
                  )}
                  {j.about && <div>{pick(j.about)}</div>}
                </>
              ),
            },
            {
              title: m('jobs.attempts'),
              key: 'attempts',
              render: (_, j) => m('jobs.attemptsOf', { n: j.attempts, max: j.maxAttempts }),
            },
            {
              title: m('jobs.when'),
              key: 'when',
              render: (_, j) => (
                <>
                  <div className="admin-muted">{m('jobs.created', { at: dateTimeVn(j.createdAt) })}</div>
                  {j.nextTry && <div>{m('jobs.nextTry', { at: dateTimeVn(j.nextTry) })}</div>}
                  {j.status === 'running' && <div>{m('jobs.runningNow')}</div>}
                  {j.finishedAt && <div>{m('jobs.finished', { at: dateTimeVn(j.finishedAt) })}</div>}
                </>
              ),
            },
            {
              title: m('jobs.error'),
              key: 'error',
              render: (_, j) =>
                j.error ? (
                  <>
                    <div className={j.status === 'failed' ? 'admin-error' : undefined}>
                      {pick(j.error.words)}
                    </div>
                    <details>
                      <summary>{m('jobs.technical')}</summary>
                      <code className="admin-break">{j.error.message}</code>
                    </details>
                  </>
                ) : (
                  m('jobs.noError')
                ),
            },
            {
              title: m('jobs.actions'),
              key: 'actions',
              render: (_, j) =>
                j.status === 'failed' ? (
                  <ConfirmButton
                    label={m('jobs.retry')}
                    buttonProps={{ size: 'small', 'aria-label': m('jobs.retryOf', { what: jobName(j) }) }}
                    title={m('jobs.retryTitle')}
                    okLabel={m('jobs.retry')}
                    description={
                      <Typography.Paragraph>{m('jobs.retryWhat', { what: jobName(j) })}</Typography.Paragraph>
                    }
                    onConfirm={async () => {
                      const res = await jobsApi.retry(j.id);
                      void message.success(said(res));
                      await refresh();
                    }}
                  />
                ) : null,
            },
          ]}
        />
      </ScrollBox>
      {(cursors.length > 0 || board.data?.next) && (
        <nav aria-label={m('jobs.paging')}>
          <Space wrap>
            {cursors.length > 0 && (
              <Button onClick={() => setPaging({ status, cursors: cursors.slice(0, -1) })}>
                {m('jobs.newer')}
              </Button>
            )}
            {board.data?.next && (
              <Button
                type="primary"
                onClick={() => setPaging({ status, cursors: [...cursors, board.data!.next!] })}
              >
                {m('jobs.older')}
              </Button>
            )}
          </Space>
        </nav>
      )}
    </>
  );
}
