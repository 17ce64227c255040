/** Home of a signed-in user: the assessment cycles they may see (GET /api/v1/cycles). */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Grid, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { ApiError, type Cycle, type CycleState, cyclesApi } from '../../api.ts';
import { dateTimeVn } from '../../format.ts';
import { t } from '../../i18n/messages.ts';

const STATE_COLORS: Record<CycleState, string> = {
  draft: 'default',
  open: 'blue',
  closed: 'orange',
  under_review: 'purple',
  approved: 'cyan',
  published: 'green',
};

export function CyclesHome(props: { onSessionEnded: () => void }) {
  const cycles = useQuery({ queryKey: ['cycles'], queryFn: cyclesApi.list });
  const { onSessionEnded } = props;
  const ended = cycles.error instanceof ApiError && cycles.error.status === 401;
  useEffect(() => {
    if (ended) onSessionEnded();
  }, [ended, onSessionEnded]);

  const rows = cycles.data?.cycles ?? [];
  // A table on office screens; on a phone, one block per cycle (no sideways scrolling).
  const wide = Grid.useBreakpoint().md ?? true;
  const stateTag = (c: Cycle) => (
    <Tag color={STATE_COLORS[c.state]}>{t(`state.${c.state}`) || c.stateLabel.vi}</Tag>
  );
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 26, marginTop: 0 }}>
        {t('cycles.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('cycles.intro')}</Typography.Paragraph>
      {cycles.isError && !ended && (
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
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
