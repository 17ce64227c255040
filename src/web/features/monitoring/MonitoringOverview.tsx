/**
 * The department's overview of every portal (R5): current status, uptime over the year, the latest
 * content check and what it found, how many snapshots wait for confirmation; each agency opens its
 * page with the yearly chart.
 */
import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import { LoadError, PageHeader } from '../../components/Page.tsx';
import { dateTimeVn, numberVn } from '../../format.ts';
import { pick } from '../../i18n/messages.ts';
import { Link } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { m } from './messages.ts';
import { monitoringApi, type OverviewRow } from './monitoringApi.ts';
import { SchedulesCard } from './SchedulesCard.tsx';
import './monitoring.css';

function status(r: OverviewRow): string {
  if (!r.site) return m('ov.noSite');
  if (!r.last) return m('ov.never');
  return r.last.ok
    ? m('ov.up', { status: r.last.status ?? '', ms: r.last.ttfbMs ?? '' })
    : `${m('ov.down')}${r.last.failure ? `: ${pick(r.last.failure)}` : ''}`;
}

export default function MonitoringOverview({ user }: ScreenProps) {
  // The year is the server's: its clock decides, as for every date of the system.
  const q = useQuery({ queryKey: ['monitoring-overview'], queryFn: () => monitoringApi.overview() });
  const year = q.data?.year ?? '';
  const rows = q.data?.rows ?? [];
  return (
    <>
      <PageHeader
        title={m('ov.title')}
        crumbs={[{ label: m('snap.crumbHome'), to: '/' }]}
        intro={<Typography.Paragraph>{m('ov.intro', { year })}</Typography.Paragraph>}
      />
      {q.isError && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      <div className="snapshot-items">
        <Table<OverviewRow>
          rowKey={(r) => r.agency.id}
          size="small"
          pagination={false}
          loading={q.isPending}
          dataSource={rows}
          caption={<span className="visually-hidden">{m('ov.caption', { n: rows.length })}</span>}
          columns={[
            {
              title: m('ov.agency'),
              key: 'agency',
              render: (_, r) => <Link to={`/theo-doi/co-quan/${r.agency.id}`}>{r.agency.name}</Link>,
            },
            { title: m('ov.site'), key: 'site', render: (_, r) => r.site?.url ?? '—' },
            { title: m('ov.status'), key: 'status', render: (_, r) => status(r) },
            {
              title: m('ov.uptime'),
              key: 'uptime',
              render: (_, r) =>
                r.uptime === null ? '—' : m('ov.uptimeOf', { pct: numberVn(r.uptime), n: r.checks }),
            },
            {
              title: m('ov.lastContent'),
              key: 'content',
              render: (_, r) =>
                r.lastSnapshot ? (
                  <>
                    {m('ov.found', {
                      at: dateTimeVn(r.lastSnapshot.startedAt),
                      found: r.lastSnapshot.found,
                      fields: r.lastSnapshot.fields,
                    })}
                    {r.proposed > 0 && <div>{m('ov.proposed', { n: r.proposed })}</div>}
                  </>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </div>
      {(user.role === 'admin' || user.role === 'assessor') && (
        <SchedulesCard canEdit={user.role === 'admin'} />
      )}
    </>
  );
}
