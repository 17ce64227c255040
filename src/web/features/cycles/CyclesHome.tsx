/**
 * Home of a signed-in user: the assessment cycles they may see (GET /api/v1/cycles), each with
 * the pages their role works in at that stage of the year.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Grid, Space, Table, Tag, Typography } from 'antd';
import type { Cycle, CycleState, Role } from '../../api.ts';
import { cyclesApi } from '../../api.ts';
import { PageHeader } from '../../components/Page.tsx';
import { dateTimeVn } from '../../format.ts';
import { t } from '../../i18n/messages.ts';
import { Link } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { cycleLinks } from './cycleLinks.ts';

const STATE_COLORS: Record<CycleState, string> = {
  draft: 'default',
  open: 'blue',
  closed: 'orange',
  under_review: 'purple',
  approved: 'cyan',
  published: 'green',
};

export default function CyclesHome({ user }: ScreenProps) {
  const cycles = useQuery({ queryKey: ['cycles'], queryFn: cyclesApi.list });

  const rows = cycles.data?.cycles ?? [];
  // A table on office screens; on a phone, one block per cycle (no sideways scrolling).
  const wide = Grid.useBreakpoint().md ?? true;
  const stateTag = (c: Cycle) => (
    <Tag color={STATE_COLORS[c.state]}>{t(`state.${c.state}`) || c.stateLabel.vi}</Tag>
  );
  return (
    <>
      <PageHeader
        title={t('cycles.title')}
        intro={<Typography.Paragraph>{t('cycles.intro')}</Typography.Paragraph>}
      />
      {cycles.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('cycles.loadFailed')}
          description={cycles.error.message}
          action={<Button onClick={() => void cycles.refetch()}>{t('cycles.retry')}</Button>}
          style={{ marginBottom: 16 }}
        />
      )}
      {wide && (
        <Table<Cycle>
          rowKey="id"
          dataSource={rows}
          loading={cycles.isPending}
          pagination={false}
          locale={{ emptyText: cycles.isPending ? t('app.loading') : t('cycles.empty') }}
          caption={<span className="visually-hidden">{t('cycles.count', { count: rows.length })}</span>}
          columns={[
            { title: t('cycles.year'), dataIndex: 'year', key: 'year', width: 90 },
            { title: t('cycles.name'), dataIndex: 'title', key: 'title' },
            {
              title: t('cycles.state'),
              key: 'state',
              width: 190,
              render: (_, c) => (
                <Tag color={STATE_COLORS[c.state]}>{t(`state.${c.state}`) || c.stateLabel.vi}</Tag>
              ),
            },
            {
              title: t('cycles.deadline'),
              key: 'deadline',
              width: 200,
              render: (_, c) => <time dateTime={c.deadline}>{dateTimeVn(c.deadline)}</time>,
            },
            {
              title: t('cycles.actions'),
              key: 'actions',
              render: (_, c) => <CycleLinks cycle={c} role={user.role} />,
            },
          ]}
        />
      )}
      {!wide && (
        <ul className="cycle-list" aria-busy={cycles.isPending}>
          {cycles.isPending && <li>{t('app.loading')}</li>}
          {!cycles.isPending && rows.length === 0 && <li>{t('cycles.empty')}</li>}
          {rows.map((c) => (
            <li key={c.id} className="cycle-item">
              <Typography.Title level={2} style={{ fontSize: 17, margin: '0 0 8px' }}>
                {c.year} — {c.title}
              </Typography.Title>
              <dl>
                <dt>{t('cycles.state')}</dt>
                <dd>{stateTag(c)}</dd>
                <dt>{t('cycles.deadline')}</dt>
                <dd>
                  <time dateTime={c.deadline}>{dateTimeVn(c.deadline)}</time>
                </dd>
              </dl>
              <CycleLinks cycle={c} role={user.role} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function CycleLinks(props: { cycle: Cycle; role: Role }) {
  const links = cycleLinks(props.role, props.cycle);
  if (links.length === 0) return null;
  return (
    <Space wrap size={[12, 4]} className="cycle-links">
      {links.map((l) => (
        <Link key={l.to} to={l.to} aria-label={`${l.label} — ${props.cycle.title}`}>
          {l.label}
        </Link>
      ))}
    </Space>
  );
}
