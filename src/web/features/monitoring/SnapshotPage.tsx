/**
 * One content check of an agency's portal (R5): each monitoring item with the proposed value, the
 * evidence (an excerpt, and the stored copy of the page it was seen on, side by side) or why nothing
 * was found. An assessor keeps each value or changes it with a reason, then confirms: the result
 * then counts for the cycle's website score. The agency's reporter reads its own checks here.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Table, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api.ts';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { dateTimeVn, numberVn } from '../../format.ts';
import { pick } from '../../i18n/messages.ts';
import type { ScreenProps } from '../../screen.ts';
import {
  confirmBody,
  type Edits,
  evidencePage,
  isChanged,
  isYesNo,
  keptValue,
  missingReasons,
  type Value,
} from './confirmation.ts';
import { ManualCheckForm } from './ManualCheckForm.tsx';
import { m } from './messages.ts';
import { type FindingView, monitoringApi, type SnapshotDetail } from './monitoringApi.ts';
import './monitoring.css';

const valueText = (v: Value) =>
  v === null ? m('snap.unknown') : typeof v === 'boolean' ? (v ? m('snap.yes') : m('snap.no')) : numberVn(v);

export default function SnapshotPage({ params, user }: ScreenProps) {
  const id = params.snapshotId!;
  const q = useQuery({ queryKey: ['snapshot', id], queryFn: () => monitoringApi.snapshot(id) });
  if (q.isPending) return <Loading label={m('snap.loading')} />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Snapshot snapshot={q.data.snapshot} canConfirm={user.role === 'admin' || user.role === 'assessor'} />
  );
}

function Snapshot({ snapshot, canConfirm }: { snapshot: SnapshotDetail; canConfirm: boolean }) {
  const editing = canConfirm && snapshot.state === 'proposed';
  const [edits, setEdits] = useState<Edits>({});
  const [pageId, setPageId] = useState<number | undefined>(snapshot.pages.find((p) => p.stored)?.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const missing = missingReasons(snapshot.findings, edits);
  const page = snapshot.pages.find((p) => p.id === pageId);
  const edit = (f: FindingView, next: Partial<{ value: Value; reason: string }>) =>
    setEdits((e) => ({
      ...e,
      [f.field]: { value: keptValue(f, e), reason: e[f.field]?.reason ?? '', ...next },
    }));

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await monitoringApi.confirm(snapshot.id, confirmBody(snapshot.findings, edits));
      void message.success(m('snap.done'));
      await client.invalidateQueries({ queryKey: ['snapshot', snapshot.id] });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={m('snap.title')}
        crumbs={[{ label: m('snap.crumbHome'), to: '/' }]}
        intro={
          <Typography.Paragraph>
            {m('snap.intro', {
              agency: snapshot.agency.name,
              site: snapshot.siteUrl,
              at: dateTimeVn(snapshot.startedAt),
            })}{' '}
            <strong className={`snapshot-state snapshot-state-${snapshot.state}`}>
              {m(`snap.state.${snapshot.state}`)}
            </strong>
          </Typography.Paragraph>
        }
      />
      {snapshot.confirmedBy && snapshot.confirmedAt && (
        <Alert
          type="success"
          showIcon
          title={m('snap.confirmedBy', {
            name: snapshot.confirmedBy.name,
            at: dateTimeVn(snapshot.confirmedAt),
          })}
        />
      )}
      {snapshot.failure && (
        <Alert type="error" showIcon title={m('snap.failure', { reason: pick(snapshot.failure) })} />
      )}
      {canConfirm && snapshot.state === 'failed' && <ManualCheckForm snapshot={snapshot} />}
      <div className="snapshot-split">
        <section aria-labelledby="snap-items" className="snapshot-items">
          <h2 id="snap-items">{m('snap.items')}</h2>
          <Table<FindingView>
            rowKey="field"
            size="small"
            pagination={false}
            dataSource={snapshot.findings}
            columns={[
              { title: m('snap.item'), key: 'item', render: (_, f) => pick(f.name) },
              {
                title: m('snap.proposed'),
                key: 'proposed',
                render: (_, f) => {
                  const decided = snapshot.decisions?.[f.field];
                  return (
                    <>
                      {valueText(f.value)}
                      {decided?.changed && (
                        <div className="snapshot-changed">
                          {valueText(decided.value)} — {m('snap.changed', { reason: decided.reason ?? '' })}
                        </div>
                      )}
                    </>
                  );
                },
              },
              {
                title: m('snap.evidence'),
                key: 'evidence',
                render: (_, f) => {
                  const at = evidencePage(snapshot, f);
                  return (
                    <>
                      <div>{f.evidence ? `“${f.evidence.excerpt}”` : pick(f.reason)}</div>
                      {at && (
                        <Button
                          size="small"
                          aria-label={m('snap.showPageOf', { url: at.url })}
                          onClick={() => setPageId(at.id)}
                        >
                          {m('snap.showPage')}
                        </Button>
                      )}
                    </>
                  );
                },
              },
              ...(editing
                ? [
                    {
                      title: m('snap.kept'),
                      key: 'kept',
                      render: (_: unknown, f: FindingView) => (
                        <KeptValue f={f} edits={edits} onChange={(next) => edit(f, next)} />
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {editing && (
            <div className="snapshot-actions">
              {missing.length > 0 && (
                <p role="status">
                  {m('snap.missing', {
                    n: missing.length,
                    items: missing.map((f) => pick(f.name)).join('; '),
                  })}
                </p>
              )}
              {error && <Alert type="error" showIcon title={error} />}
              <Button
                type="primary"
                loading={busy}
                disabled={missing.length > 0}
                onClick={() => void confirm()}
              >
                {m('snap.confirm')}
              </Button>
            </div>
          )}
        </section>
        <section aria-labelledby="snap-copy" className="snapshot-copy">
          <h2 id="snap-copy">{m('snap.copy')}</h2>
          <p>{m('snap.copyNote')}</p>
          {snapshot.pages.some((p) => p.stored) ? (
            <>
              <label className="snapshot-pick">
                {m('snap.pickPage')}{' '}
                <select value={pageId ?? ''} onChange={(e) => setPageId(Number(e.target.value))}>
                  {snapshot.pages
                    .filter((p) => p.stored)
                    .map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.title ? `${p.title} — ${p.url}` : p.url}
                      </option>
                    ))}
                </select>
              </label>
              {page && (
                <iframe
                  className="snapshot-frame"
                  title={m('snap.copyOf', { url: page.url })}
                  sandbox=""
                  src={monitoringApi.pageUrl(snapshot.id, page.id)}
                />
              )}
            </>
          ) : (
            <p>{m('snap.noCopy')}</p>
          )}
        </section>
      </div>
    </>
  );
}

function KeptValue(props: {
  f: FindingView;
  edits: Edits;
  onChange: (next: Partial<{ value: Value; reason: string }>) => void;
}) {
  const { f, edits, onChange } = props;
  const value = keptValue(f, edits);
  const item = pick(f.name);
  return (
    <div className="snapshot-kept">
      {isYesNo(f) ? (
        <select
          aria-label={m('snap.valueOf', { item })}
          value={value === null ? '' : String(value)}
          onChange={(e) => onChange({ value: e.target.value === '' ? null : e.target.value === 'true' })}
        >
          <option value="">{m('snap.unknown')}</option>
          <option value="true">{m('snap.yes')}</option>
          <option value="false">{m('snap.no')}</option>
        </select>
      ) : (
        <input
          type="number"
          min={0}
          aria-label={m('snap.valueOf', { item })}
          value={value === null ? '' : String(value)}
          onChange={(e) => onChange({ value: e.target.value === '' ? null : Number(e.target.value) })}
        />
      )}
      {(isChanged(f, edits) || value === null) && (
        <input
          type="text"
          aria-label={m('snap.reasonOf', { item })}
          placeholder={m('snap.reasonHint')}
          value={edits[f.field]?.reason ?? ''}
          onChange={(e) => onChange({ reason: e.target.value })}
        />
      )}
    </div>
  );
}
