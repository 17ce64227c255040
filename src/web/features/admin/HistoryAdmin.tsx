/**
 * The change history (nhật ký thay đổi): the audit log as sentences, newest first, a page at a
 * time, narrowed by agency, person, form field and days; each line's values before and after and
 * the stored record on demand; the filtered list as a CSV file. What a role sees of the log is the
 * server's rule (a reporter: its own agency's form), said above the list.
 */

import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { DateInput } from '../../components/DateInput.tsx';
import { LoadError, PageHeader } from '../../components/Page.tsx';
import { collator, dateTimeVn } from '../../format.ts';
import { pick, t } from '../../i18n/messages.ts';
import { setSearch, useLocation } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { type HistoryEntry, type HistoryFilter, historyApi } from './historyApi.ts';
import { m } from './messages.ts';
import './admin.css';

/** The filters as the address keeps them, so that a filtered list can be bookmarked or sent. */
const PARAMS = { agencyId: 'coquan', actorId: 'nguoi', field: 'truong', from: 'tu', to: 'den' } as const;

function filterOf(search: URLSearchParams): HistoryFilter {
  const out: HistoryFilter = {};
  for (const [key, param] of Object.entries(PARAMS) as [keyof HistoryFilter, string][]) {
    const v = search.get(param);
    if (v) out[key] = v;
  }
  return out;
}

const json = (v: unknown) => (v === null || v === undefined ? m('history.none') : JSON.stringify(v, null, 2));

export default function HistoryAdmin({ user }: ScreenProps) {
  const { search } = useLocation();
  const filter = filterOf(search);
  const key = JSON.stringify(filter);
  // The pages read so far under these filters: the cursor of each older page (none for the newest).
  const [paging, setPaging] = useState<{ key: string; cursors: number[] }>({ key, cursors: [] });
  const cursors = paging.key === key ? paging.cursors : [];
  const before = cursors[cursors.length - 1];
  const badDates = !!filter.from && !!filter.to && filter.to < filter.from;

  const options = useQuery({ queryKey: ['audit-log', 'options'], queryFn: historyApi.options });
  const page = useQuery({
    queryKey: ['audit-log', key, before ?? 0],
    queryFn: () => historyApi.page(filter, before),
    enabled: !badDates,
  });

  const set = (name: keyof typeof PARAMS, value: string | null | undefined) =>
    setSearch({ [PARAMS[name]]: value || null });
  const own = user.role === 'reporter' ? options.data?.agencies[0] : undefined;
  const agencyOptions = [...(options.data?.agencies ?? [])]
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }));
  const personOptions = (options.data?.people ?? []).map((p) => ({
    value: p.id,
    label: `${p.displayName} (${p.username}${p.agencyName ? `, ${p.agencyName}` : ''})`,
  }));
  const fieldOptions = (options.data?.fields ?? []).map((f) => ({
    value: f.key,
    label: `${pick(f.label)} (${f.key})`,
  }));
  const entries = page.data?.entries ?? [];
  const filtered = Object.keys(filter).length > 0;

  return (
    <>
      <PageHeader
        title={m('history.title')}
        crumbs={[{ label: m('crumb.home'), to: '/' }]}
        intro={
          <>
            <Typography.Paragraph>{m('history.intro')}</Typography.Paragraph>
            {page.data && <Typography.Paragraph strong>{pick(page.data.scope)}</Typography.Paragraph>}
          </>
        }
      />
      <search className="admin-toolbar" aria-label={m('history.filters')}>
        {own ? (
          <p className="admin-muted">
            {m('history.agency')}: <strong>{own.name}</strong>
          </p>
        ) : (
          <Select
            aria-label={m('history.agency')}
            value={filter.agencyId ?? ''}
            onChange={(v) => set('agencyId', v)}
            showSearch={{ optionFilterProp: 'label' }}
            options={[{ value: '', label: m('history.allAgencies') }, ...agencyOptions]}
            style={{ minWidth: 240, maxWidth: '100%' }}
          />
        )}
        <Select
          aria-label={m('history.person')}
          value={filter.actorId ?? ''}
          onChange={(v) => set('actorId', v)}
          showSearch={{ optionFilterProp: 'label' }}
          options={[{ value: '', label: m('history.allPeople') }, ...personOptions]}
          style={{ minWidth: 220, maxWidth: '100%' }}
        />
        <Select
          aria-label={m('history.field')}
          value={filter.field ?? ''}
          onChange={(v) => set('field', v)}
          showSearch={{ optionFilterProp: 'label' }}
          options={[{ value: '', label: m('history.allFields') }, ...fieldOptions]}
          style={{ minWidth: 240, maxWidth: '100%' }}
        />
        <div className="history-date">
          <label htmlFor="history-from">{m('history.from')}</label>
          <DateInput id="history-from" value={filter.from ?? ''} onChange={(v) => set('from', v)} />
        </div>
        <div className="history-date">
          <label htmlFor="history-to">{m('history.to')}</label>
          <DateInput id="history-to" value={filter.to ?? ''} onChange={(v) => set('to', v)} />
        </div>
        {filtered && (
          <Button onClick={() => setSearch(Object.fromEntries(Object.values(PARAMS).map((p) => [p, null])))}>
            {m('history.clear')}
          </Button>
        )}
      </search>
      <Space wrap className="history-export">
        <Button href={historyApi.exportUrl(filter)} download>
          {m('history.export')}
        </Button>
        <span className="admin-muted">{m('history.exportHelp')}</span>
      </Space>
      {options.isError && <LoadError error={options.error} onRetry={() => void options.refetch()} />}
      {badDates && <Alert type="warning" showIcon role="alert" title={m('history.badDates')} />}
      {page.isError && <LoadError error={page.error} onRetry={() => void page.refetch()} />}
      <p className="admin-muted" aria-live="polite">
        {page.isFetching
          ? m('common.loading')
          : page.data
            ? entries.length
              ? m('history.pageOf', { n: cursors.length + 1, count: entries.length })
              : m('history.empty')
            : ''}
      </p>
      {entries.length > 0 && (
        <ol className="history-list" aria-label={m('history.list')}>
          {entries.map((e) => (
            <HistoryLine key={e.id} entry={e} />
          ))}
        </ol>
      )}
      {(cursors.length > 0 || page.data?.next) && (
        <nav aria-label={m('history.paging')}>
          <Space wrap>
            {cursors.length > 1 && (
              <Button onClick={() => setPaging({ key, cursors: [] })}>{m('history.newest')}</Button>
            )}
            {cursors.length > 0 && (
              <Button onClick={() => setPaging({ key, cursors: cursors.slice(0, -1) })}>
                {m('history.newer')}
              </Button>
            )}
            {page.data?.next && (
              <Button
                type="primary"
                onClick={() => setPaging({ key, cursors: [...cursors, page.data!.next!] })}
              >
                {m('history.older')}
              </Button>
            )}
          </Space>
        </nav>
      )}
    </>
  );
}

/** One line of the log: when, the sentence, and what changed and the stored record on demand. */
function HistoryLine({ entry: e }: { entry: HistoryEntry }) {
  const r = e.record;
  return (
    <li className="history-item">
      <time dateTime={e.at} className="history-when">
        {dateTimeVn(e.at)}
      </time>
      <p className="history-summary">{pick(e.summary)}</p>
      {e.reason && (
        <p className="admin-reason">
          {m('history.reason')}: {e.reason}
        </p>
      )}
      <details className="history-details">
        <summary>{m('history.details')}</summary>
        {e.changes.length > 0 && (
          <>
            <h3 className="admin-h3">{m('history.changes')}</h3>
            <ul className="history-changes">
              {e.changes.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a row's changes never reorder
                <li key={i}>
                  <strong>{pick(c.label)}</strong>: {c.before ? pick(c.before) : '—'} →{' '}
                  {c.after ? pick(c.after) : '—'}
                </li>
              ))}
            </ul>
          </>
        )}
        <dl className="admin-dl">
          <dt>{m('history.by')}</dt>
          <dd>
            {e.actor
              ? `${e.actor.displayName}${e.actor.role ? ` (${t(`role.${e.actor.role}`)})` : ''}`
              : m('history.system')}
          </dd>
          {e.agency && (
            <>
              <dt>{m('history.agency')}</dt>
              <dd>
                {e.agency.name} ({e.agency.code})
              </dd>
            </>
          )}
          {e.cycle && (
            <>
              <dt>{m('history.cycle')}</dt>
              <dd>{m('history.cycleYear', { year: e.cycle.year })}</dd>
            </>
          )}
        </dl>
        <h3 className="admin-h3">{m('history.record')}</h3>
        <dl className="admin-dl">
          <dt>{m('history.recordNo')}</dt>
          <dd>{e.id}</dd>
          <dt>{m('history.action')}</dt>
          <dd>
            <code>{e.action}</code>
          </dd>
          <dt>{m('history.entity')}</dt>
          <dd>
            <code>
              {r.entityType}
              {r.entityId ? ` ${r.entityId}` : ''}
            </code>
          </dd>
          {r.field && (
            <>
              <dt>{m('history.fieldKey')}</dt>
              <dd>
                <code>{r.field}</code>
              </dd>
            </>
          )}
          <dt>{m('history.request')}</dt>
          <dd>
            <code>{r.requestId ?? m('history.none')}</code>
          </dd>
          {r.ip && (
            <>
              <dt>{m('history.ip')}</dt>
              <dd>
                <code>{r.ip}</code>
              </dd>
            </>
          )}
          <dt>{m('history.oldValue')}</dt>
          <dd>
            <pre className="history-raw">{json(r.oldValue)}</pre>
          </dd>
          <dt>{m('history.newValue')}</dt>
          <dd>
            <pre className="history-raw">{json(r.newValue)}</pre>
          </dd>
        </dl>
      </details>
    </li>
  );
}
