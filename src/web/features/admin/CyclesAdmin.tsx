/**
 * The administrator's list of assessment cycles (one per year) and the form that creates the
 * next one, with the regulation's dates filled in and editable.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Grid, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CycleState } from '../../api.ts';
import { LoadError, PageHeader } from '../../components/Page.tsx';
import { dateTimeVn } from '../../format.ts';
import { Link, navigate } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { type CycleSummary, criteriaAdminApi, cycleAdminApi } from './adminApi.ts';
import { CycleForm } from './CycleForm.tsx';
import { defaultDates, defaultTitle, inputOf, nextCycle } from './cycleAdmin.ts';
import { m } from './messages.ts';
import { emptyText, pick } from './shared.tsx';
import './admin.css';

export const STATE_COLORS: Record<CycleState, string> = {
  draft: 'default',
  open: 'blue',
  closed: 'orange',
  under_review: 'purple',
  approved: 'cyan',
  published: 'success',
};

export function StateTag(props: { state: CycleState; label: string }) {
  return <Tag color={STATE_COLORS[props.state]}>{props.label}</Tag>;
}

export default function CyclesAdmin(_props: ScreenProps) {
  const cycles = useQuery({ queryKey: ['cycles'], queryFn: cycleAdminApi.list });
  const versions = useQuery({ queryKey: ['criteria'], queryFn: criteriaAdminApi.list });
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const wide = Grid.useBreakpoint().md ?? true;
  const rows = cycles.data?.cycles ?? [];

  // The next year without a cycle, from the newest one; the current year on a fresh install.
  const next = nextCycle(rows, versions.data?.versions ?? [], new Date().getFullYear());

  const manage = (c: CycleSummary) => (
    <Link to={`/quan-tri/ky-danh-gia/${c.id}`} aria-label={m('cycles.manageOf', { title: c.title })}>
      {m('cycles.manage')}
    </Link>
  );

  return (
    <>
      <PageHeader
        title={m('cycles.title')}
        crumbs={[{ label: m('crumb.home'), to: '/' }]}
        intro={<Typography.Paragraph>{m('cycles.intro')}</Typography.Paragraph>}
        extra={
          !creating && (
            // The form starts from the next year and the newest criteria set: opened before both are
            // known, it kept an empty choice of criteria (a form's first values are read once).
            <Button
              type="primary"
              disabled={cycles.isPending || versions.isPending}
              loading={cycles.isPending || versions.isPending}
              onClick={() => setCreating(true)}
            >
              {m('cycles.create')}
            </Button>
          )
        }
      />
      {creating && (
        <Card className="admin-card" title={<h2 className="admin-h2">{m('cycles.createTitle')}</h2>}>
          <Typography.Paragraph>{m('cycles.createIntro')}</Typography.Paragraph>
          <CycleForm
            withYear
            initial={{
              year: String(next.year),
              title: defaultTitle(next.year),
              ...(next.criteriaVersionId && { criteriaVersionId: next.criteriaVersionId }),
              ...defaultDates(next.year),
              announcement: '',
            }}
            submitLabel={m('cycles.createSubmit')}
            onCancel={() => setCreating(false)}
            onSubmit={async (v) => {
              const { cycle } = await cycleAdminApi.create({ year: Number(v.year), ...inputOf(v) });
              await client.invalidateQueries({ queryKey: ['cycles'] });
              navigate(`/quan-tri/ky-danh-gia/${cycle.id}`);
            }}
          />
        </Card>
      )}
      {cycles.isError && <LoadError error={cycles.error} onRetry={() => void cycles.refetch()} />}
      <h2 className="admin-h2">{m('cycles.listTitle')}</h2>
      {wide ? (
        <Table<CycleSummary>
          rowKey="id"
          dataSource={rows}
          loading={cycles.isPending}
          pagination={false}
          locale={emptyText(cycles.isPending ? m('common.loading') : m('cycles.empty'))}
          caption={<span className="visually-hidden">{m('cycles.listTitle')}</span>}
          columns={[
            { title: m('cycles.year'), dataIndex: 'year', key: 'year', width: 80 },
            { title: m('cycles.name'), dataIndex: 'title', key: 'title' },
            {
              title: m('cycles.state'),
              key: 'state',
              width: 180,
              render: (_, c) => <StateTag state={c.state} label={pick(c.stateLabel)} />,
            },
            {
              title: m('cycles.criteria'),
              key: 'criteria',
              render: (_, c) => c.criteriaVersion.version,
            },
            {
              title: m('cycles.deadline'),
              key: 'deadline',
              width: 170,
              render: (_, c) => <time dateTime={c.deadline}>{dateTimeVn(c.deadline)}</time>,
            },
            { title: m('cycles.actions'), key: 'actions', width: 120, render: (_, c) => manage(c) },
          ]}
        />
      ) : (
        <ul className="admin-cards" aria-busy={cycles.isPending}>
          {cycles.isPending && <li>{m('common.loading')}</li>}
          {!cycles.isPending && rows.length === 0 && <li>{m('cycles.empty')}</li>}
          {rows.map((c) => (
            <li key={c.id} className="admin-card-item">
              <h3 className="admin-h3">
                {c.year} — {c.title}
              </h3>
              <dl className="admin-dl">
                <dt>{m('cycles.state')}</dt>
                <dd>
                  <StateTag state={c.state} label={pick(c.stateLabel)} />
                </dd>
                <dt>{m('cycles.criteria')}</dt>
                <dd>{c.criteriaVersion.version}</dd>
                <dt>{m('cycles.deadline')}</dt>
                <dd>
                  <time dateTime={c.deadline}>{dateTimeVn(c.deadline)}</time>
                </dd>
              </dl>
              {manage(c)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
