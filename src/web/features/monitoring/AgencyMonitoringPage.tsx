/**
 * What monitoring saw of one agency's portal during the year (R5): its addresses, the latest
 * availability check, a chart of availability and response time over the year, the months, each
 * content check (linked to its evidence) and what the latest one did not find. The agency's
 * reporter opens its own at /trang-ttdt; the department opens any from the overview.
 */
import { useQuery } from '@tanstack/react-query';
import { App as AntApp, Button, Table, Typography } from 'antd';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { dateTimeVn, numberVn } from '../../format.ts';
import { pick } from '../../i18n/messages.ts';
import { Link } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { m } from './messages.ts';
import { type AgencyMonitoring, type DayAvailability, monitoringApi } from './monitoringApi.ts';
import { SitesAdmin } from './SitesAdmin.tsx';
import { chartPoints, pathOf } from './yearChart.ts';
import './monitoring.css';

export default function AgencyMonitoringPage({ params, user }: ScreenProps) {
  const agencyId = params.agencyId ?? user.agencyId ?? '';
  // The year is the server's: its clock decides, as for every date of the system.
  const q = useQuery({ queryKey: ['monitoring', agencyId], queryFn: () => monitoringApi.agency(agencyId) });
  if (q.isPending) return <Loading label={m('ag.loading')} />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <AgencyView data={q.data} staff={user.role === 'admin' || user.role === 'assessor'} />
      {user.role === 'admin' && <SitesAdmin agencyId={q.data.agency.id} />}
    </>
  );
}

function AgencyView({ data, staff }: { data: AgencyMonitoring; staff: boolean }) {
  const { message } = AntApp.useApp();
  const last = data.last;
  return (
    <>
      <PageHeader
        title={m('ag.title', { agency: data.agency.name })}
        crumbs={[{ label: m('snap.crumbHome'), to: '/' }]}
        intro={<Typography.Paragraph>{m('ag.intro', { year: data.year })}</Typography.Paragraph>}
        extra={
          staff && data.sites.some((x) => x.kind === 'portal') ? (
            <Button
              onClick={async () => {
                await monitoringApi.askContentCheck(data.agency.id);
                void message.success(m('ag.asked'));
              }}
            >
              {m('ag.askCheck')}
            </Button>
          ) : undefined
        }
      />
      <section aria-labelledby="ag-sites">
        <h2 id="ag-sites">{m('ag.sites')}</h2>
        <ul>
          {data.sites.map((x) => (
            <li key={x.id}>
              {m(`ag.kind.${x.kind}`)}: {x.url}
            </li>
          ))}
        </ul>
        {last && (
          <p>
            {m('ag.last', {
              at: dateTimeVn(last.checkedAt),
              what: [
                last.ok
                  ? m('ov.up', { status: last.status ?? '', ms: last.ttfbMs ?? '' })
                  : `${m('ov.down')}${last.failure ? `: ${pick(last.failure)}` : ''}`,
                last.tlsDaysLeft !== null ? m('ag.tls', { n: last.tlsDaysLeft }) : '',
              ]
                .filter(Boolean)
                .join('; '),
            })}
          </p>
        )}
      </section>
      <section aria-labelledby="ag-chart">
        <h2 id="ag-chart">{m('ag.chart')}</h2>
        {data.days.length ? <YearChart days={data.days} /> : <p>{m('ag.noData')}</p>}
        <h3>{m('ag.months')}</h3>
        <Table
          rowKey="month"
          size="small"
          pagination={false}
          dataSource={data.months}
          locale={{ emptyText: <span className="monitoring-empty">{m('ag.noData')}</span> }}
          columns={[
            {
              title: m('ag.month'),
              key: 'month',
              render: (_, r) => `${r.month.slice(5)}/${r.month.slice(0, 4)}`,
            },
            { title: m('ag.checks'), key: 'checks', render: (_, r) => numberVn(r.checks) },
            {
              title: m('ag.uptime'),
              key: 'up',
              render: (_, r) => (r.uptime === null ? '—' : `${numberVn(r.uptime)} %`),
            },
            {
              title: m('ag.ttfb'),
              key: 'ttfb',
              render: (_, r) => (r.meanTtfbMs === null ? '—' : `${numberVn(r.meanTtfbMs)} ms`),
            },
          ]}
        />
      </section>
      <section aria-labelledby="ag-snaps" className="monitoring-links">
        <h2 id="ag-snaps">{m('ag.snapshots')}</h2>
        <ul>
          {data.snapshots.map((x) => (
            <li key={x.id}>
              {m('ag.snapshot', {
                at: dateTimeVn(x.startedAt),
                state: m(`snap.state.${x.state}`),
                found: x.found,
                fields: x.fields,
              })}{' '}
              <Link to={`/theo-doi/anh-chup/${x.id}`}>{m('ag.openOf', { at: dateTimeVn(x.startedAt) })}</Link>
            </li>
          ))}
        </ul>
        <h3>{m('ag.missing')}</h3>
        {data.latest && data.missing.length === 0 ? (
          <p>{m('ag.noMissing')}</p>
        ) : (
          <ul>
            {data.missing.map((f) => (
              <li key={f.field}>
                <strong>{pick(f.name)}</strong>: {pick(f.reason)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function YearChart({ days }: { days: readonly DayAvailability[] }) {
  const width = 730;
  const height = 200;
  const { points, maxTtfb } = chartPoints(days, width, height);
  return (
    <figure className="monitoring-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={m('ag.chart')}>
        <line x1={0} x2={width} y1={height / 2} y2={height / 2} stroke="#bfbfbf" />
        <path
          d={pathOf(points.map((p) => ({ x: p.x, y: p.upY })))}
          fill="none"
          stroke="#135200"
          strokeWidth={2}
        />
        <path
          d={pathOf(points.map((p) => ({ x: p.x, y: p.ttfbY })))}
          fill="none"
          stroke="#0958d9"
          strokeWidth={2}
        />
      </svg>
      <figcaption>{m('ag.chartDesc', { max: numberVn(maxTtfb) })}</figcaption>
    </figure>
  );
}
