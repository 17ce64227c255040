/**
 * The administrator's backups: what is backed up and when (nightly on the embedded database, the
 * newest N kept), a backup made now, each backup of the folder to download and keep elsewhere, and
 * how a backup is restored (on a new server, with `chiso restore`). While a backup waits in the
 * queue or runs, the page says so and refreshes itself until it appears.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Space, Table, Typography } from 'antd';
import { LoadError, PageHeader } from '../../components/Page.tsx';
import { dateTimeVn, fileSizeVn } from '../../format.ts';
import { said } from '../../i18n/messages.ts';
import type { ScreenProps } from '../../screen.ts';
import { type BackupView, backupsApi } from './backupsApi.ts';
import { m } from './messages.ts';
import { ConfirmButton, emptyText, ScrollBox } from './shared.tsx';
import './admin.css';

/** How often the page asks again while a backup is in progress. */
const POLL_MS = 3000;

export default function BackupsAdmin(_: ScreenProps) {
  const board = useQuery({
    queryKey: ['backups'],
    queryFn: backupsApi.board,
    refetchInterval: (q) => (q.state.data?.inProgress ? POLL_MS : false),
  });
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const data = board.data;
  const newest = data?.backups[0]?.name;

  return (
    <>
      <PageHeader
        title={m('backups.title')}
        crumbs={[{ label: m('crumb.home'), to: '/' }]}
        intro={<Typography.Paragraph>{m('backups.intro')}</Typography.Paragraph>}
        extra={
          data && (
            <ConfirmButton
              label={data.inProgress ? m('backups.started') : m('backups.now')}
              title={m('backups.nowTitle')}
              okLabel={m('backups.now')}
              disabled={data.inProgress}
              buttonProps={{ type: 'primary' }}
              description={
                <Typography.Paragraph>{m('backups.nowWhat', { keep: data.keep })}</Typography.Paragraph>
              }
              onConfirm={async () => {
                const res = await backupsApi.start();
                void message.success(said(res));
                await client.invalidateQueries({ queryKey: ['backups'] });
              }}
            />
          )
        }
      />
      {board.isError && <LoadError error={board.error} onRetry={() => void board.refetch()} />}
      {data && (
        <Typography.Paragraph>
          {data.daily
            ? m('backups.dailyOn', { keep: data.keep })
            : m('backups.dailyOff', { keep: data.keep })}
        </Typography.Paragraph>
      )}
      {data?.inProgress && (
        <Alert
          type="info"
          showIcon
          role="status"
          title={m('backups.inProgress')}
          style={{ marginBottom: 16 }}
        />
      )}
      <ScrollBox label={m('backups.list')} minWidth={640}>
        <Table<BackupView>
          rowKey="name"
          size="small"
          pagination={false}
          dataSource={data?.backups ?? []}
          loading={board.isPending}
          locale={emptyText(board.isPending ? m('common.loading') : m('backups.empty'))}
          caption={<span className="visually-hidden">{m('backups.list')}</span>}
          columns={[
            {
              title: m('backups.createdAt'),
              key: 'at',
              render: (_, b) => (
                <Space size={4}>
                  {dateTimeVn(b.createdAt)}
                  {b.name === newest && <strong>({m('backups.newest')})</strong>}
                </Space>
              ),
            },
            { title: m('backups.name'), key: 'name', render: (_, b) => <code>{b.name}</code> },
            { title: m('backups.size'), key: 'size', align: 'right', render: (_, b) => fileSizeVn(b.size) },
            {
              title: m('backups.download'),
              key: 'download',
              render: (_, b) => (
                <Button
                  href={backupsApi.downloadUrl(b.name)}
                  download={b.name}
                  aria-label={m('backups.downloadOf', { at: dateTimeVn(b.createdAt) })}
                >
                  {m('backups.download')}
                </Button>
              ),
            },
          ]}
        />
      </ScrollBox>
      <Card
        className="admin-card"
        style={{ marginTop: 16 }}
        title={<h2 className="admin-h2">{m('backups.restoreTitle')}</h2>}
      >
        <ol>
          <li>{m('backups.restore1')}</li>
          <li>{m('backups.restore2')}</li>
          <li>{m('backups.restore3')}</li>
        </ol>
      </Card>
    </>
  );
}
