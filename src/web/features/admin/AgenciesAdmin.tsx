/**
 * The registry of assessed agencies, by group, in Vietnamese alphabetical order, searchable; the
 * administrator adds and edits agencies and records the registry's changes (renames, mergers,
 * splits, dissolutions), which every staff role reads as a timeline, overall and per agency.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Checkbox, Grid, Input, Modal, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { LoadError, PageHeader } from '../../components/Page.tsx';
import { dateVn } from '../../format.ts';
import { setSearch, useLocation } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { AgencyEventModal, AgencyFormModal } from './AgencyForms.tsx';
import { AgencyTimeline } from './AgencyTimeline.tsx';
import { type Agency, agencyAdminApi } from './adminApi.ts';
import { m } from './messages.ts';
import { agencyGroups, eventsOf, groupIds, groupName } from './registry.ts';
import { emptyText, ScrollBox } from './shared.tsx';
import './admin.css';

export default function AgenciesAdmin({ user }: ScreenProps) {
  const isAdmin = user.role === 'admin';
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const all = search.get('all') === '1';
  const agencies = useQuery({ queryKey: ['agencies', all], queryFn: () => agencyAdminApi.list(all) });
  const events = useQuery({ queryKey: ['agency-events'], queryFn: agencyAdminApi.events });
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  const [recording, setRecording] = useState(false);
  const [historyOf, setHistoryOf] = useState<Agency | null>(null);
  // A table on office screens; on a phone, one block per agency (no sideways scrolling).
  const wide = Grid.useBreakpoint().md ?? true;

  const list = agencies.data?.agencies ?? [];
  const groups = useMemo(() => agencyGroups(list, q), [list, q]);

  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['agencies'] });
    await client.invalidateQueries({ queryKey: ['agency-events'] });
  };
  const actions = (a: Agency) => (
    <Space size={4} wrap>
      <Button
        size="small"
        onClick={() => setHistoryOf(a)}
        aria-label={m('agencies.historyOf', { name: a.name })}
      >
        {m('agencies.history')}
      </Button>
      {isAdmin && a.validTo === null && (
        <Button
          size="small"
          onClick={() => setEditing(a)}
          aria-label={m('agencies.editOf', { name: a.name })}
        >
          {m('cycle.edit')}
        </Button>
      )}
    </Space>
  );

  return (
    <>
      <PageHeader
        title={m('agencies.title')}
        crumbs={[{ label: m('crumb.home'), to: '/' }]}
        intro={
          <Typography.Paragraph>
            {isAdmin ? m('agencies.introAdmin') : m('agencies.introRead')}
          </Typography.Paragraph>
        }
        extra={
          isAdmin && (
            <Space wrap>
              <Button type="primary" onClick={() => setEditing('new')}>
                {m('agencies.add')}
              </Button>
              <Button onClick={() => setRecording(true)}>{m('agencies.recordEvent')}</Button>
            </Space>
          )
        }
      />
      <search className="admin-toolbar">
        <Input.Search
          aria-label={m('agencies.search')}
          placeholder={m('agencies.searchPlaceholder')}
          defaultValue={q}
          allowClear
          onSearch={(v) => setSearch({ q: v.trim() || null })}
          onChange={(e) => setSearch({ q: e.target.value || null })}
          style={{ maxWidth: 420 }}
        />
        <Checkbox checked={all} onChange={(e) => setSearch({ all: e.target.checked ? '1' : null })}>
          {m('agencies.showEnded')}
        </Checkbox>
      </search>
      {agencies.isError && <LoadError error={agencies.error} onRetry={() => void agencies.refetch()} />}
      {agencies.isPending && <p role="status">{m('common.loading')}</p>}
      {groups.map((g) => (
        <section key={g.id} aria-labelledby={`group-${g.id}`}>
          <h2 className="admin-h2" id={`group-${g.id}`}>
            {groupName(g.id)} ({g.rows.length})
          </h2>
          {wide && (
            <ScrollBox label={groupName(g.id)}>
              <Table<Agency>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={g.rows}
                locale={emptyText(q ? m('agencies.noMatch') : m('agencies.empty'))}
                caption={<span className="visually-hidden">{groupName(g.id)}</span>}
                columns={[
                  { title: m('agency.code'), dataIndex: 'code', key: 'code', width: 100 },
                  {
                    title: m('agency.name'),
                    key: 'name',
                    render: (_, a) => (
                      <>
                        {a.name}
                        {a.validTo && (
                          <div className="admin-muted">
                            {m('agencies.endedOn', { date: dateVn(a.validTo) })}
                          </div>
                        )}
                      </>
                    ),
                  },
                  {
                    title: m('agency.website'),
                    key: 'website',
                    render: (_, a) =>
                      a.website ? (
                        <a href={a.website} target="_blank" rel="noreferrer" className="admin-break">
                          {a.website.replace(/^https?:\/\//, '')}
                        </a>
                      ) : (
                        '—'
                      ),
                  },
                  {
                    title: m('agency.validFrom'),
                    key: 'from',
                    width: 110,
                    render: (_, a) => dateVn(a.validFrom),
                  },
                  {
                    title: m('cycles.actions'),
                    key: 'actions',
                    width: 170,
                    render: (_, a) => actions(a),
                  },
                ]}
              />
            </ScrollBox>
          )}
          {!wide && (
            <ul className="admin-cards" aria-label={groupName(g.id)}>
              {g.rows.length === 0 && <li>{q ? m('agencies.noMatch') : m('agencies.empty')}</li>}
              {g.rows.map((a) => (
                <li key={a.id} className="admin-card-item">
                  <h3 className="admin-h3">
                    {a.name} <span className="admin-muted">({a.code})</span>
                  </h3>
                  <dl className="admin-dl">
                    <dt>{m('agency.website')}</dt>
                    <dd>
                      {a.website ? (
                        <a href={a.website} target="_blank" rel="noreferrer">
                          {a.website.replace(/^https?:\/\//, '')}
                        </a>
                      ) : (
                        '—'
                      )}
                    </dd>
                    <dt>{m('agency.validFrom')}</dt>
                    <dd>
                      {dateVn(a.validFrom)}
                      {a.validTo && <div>{m('agencies.endedOn', { date: dateVn(a.validTo) })}</div>}
                    </dd>
                  </dl>
                  {actions(a)}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <Card
        className="admin-card"
        title={<h2 className="admin-h2">{m('agencies.timeline')}</h2>}
        style={{ marginTop: 24 }}
      >
        {events.isError && <LoadError error={events.error} onRetry={() => void events.refetch()} />}
        <AgencyTimeline events={events.data?.events ?? []} label={m('agencies.timeline')} />
      </Card>

      {isAdmin && editing !== null && (
        <AgencyFormModal
          open
          agency={editing === 'new' ? null : editing}
          groups={groupIds(list)}
          onClose={() => setEditing(null)}
          onSaved={(a) => {
            setEditing(null);
            void refresh();
            void message.success(m('agencies.saved', { name: a.name }));
          }}
        />
      )}
      {isAdmin && (
        <AgencyEventModal
          open={recording}
          agencies={list}
          onClose={() => setRecording(false)}
          onSaved={() => {
            setRecording(false);
            void refresh();
            void message.success(m('agencies.eventSaved'));
          }}
        />
      )}
      <Modal
        rootClassName="admin-modal"
        open={historyOf !== null}
        title={historyOf ? m('agencies.historyTitle', { name: historyOf.name }) : ''}
        footer={<Button onClick={() => setHistoryOf(null)}>{m('common.close')}</Button>}
        onCancel={() => setHistoryOf(null)}
      >
        {historyOf && (
          <>
            <p>
              {historyOf.validTo
                ? m('agencies.validRange', {
                    from: dateVn(historyOf.validFrom),
                    to: dateVn(historyOf.validTo),
                  })
                : m('agencies.validSince', { from: dateVn(historyOf.validFrom) })}
            </p>
            <AgencyTimeline
              events={eventsOf(events.data?.events ?? [], historyOf)}
              label={m('agencies.historyTitle', { name: historyOf.name })}
              empty={m('agencies.noHistory')}
            />
          </>
        )}
      </Modal>
    </>
  );
}
