/**
 * A content check that could not fetch the site has nothing to confirm (R5): the assessor looks at
 * the site (or at what the agency sent) and records the result as a manual website check, from the
 * same screen. The check is marked manual and counts like any other within the monitoring period;
 * the server says which item is missing or wrong, and its message is shown by that item.
 */

import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { LoadError, Loading } from '../../components/Page.tsx';
import { dateTimeVn } from '../../format.ts';
import { pick } from '../../i18n/messages.ts';
import { todayVn } from '../admin/vnDays.ts';
import { websiteChecksApi } from '../review/reviewApi.ts';
import { vnInstant, websiteCheckValues } from '../review/websiteCheck.ts';
import { m } from './messages.ts';
import { monitoringApi, type SnapshotDetail } from './monitoringApi.ts';

/** Now in Vietnam as a date-and-time input holds it, "2017-09-10T16:05". */
const nowLocalVn = () => {
  const d = new Date(Date.now() + 7 * 3_600_000);
  return `${todayVn()}T${d.toISOString().slice(11, 16)}`;
};

export function ManualCheckForm({ snapshot }: { snapshot: SnapshotDetail }) {
  const agencyId = snapshot.agency.id;
  const q = useQuery({
    queryKey: ['monitoring-sites', agencyId],
    queryFn: () => monitoringApi.sites(agencyId),
  });
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [checkedAt, setCheckedAt] = useState(nowLocalVn);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (q.isPending) return <Loading label={m('manual.loading')} />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const fields = q.data.fields;
  const errorOf = (field: string) =>
    error instanceof ApiError && error.field === field ? error.message : null;
  const shownByField =
    error instanceof ApiError && (error.field === 'checkedAt' || error.field?.startsWith('values.'));

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await websiteChecksApi.create(agencyId, {
        checkedAt: vnInstant(checkedAt),
        values: websiteCheckValues(fields, texts),
        note: note.trim() || null,
      });
      setSaved(res.check.checkedAt);
      setTexts({});
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="manual-title" className="monitoring-admin">
      <h2 id="manual-title">{m('manual.title')}</h2>
      <Typography.Paragraph>{m('manual.intro')}</Typography.Paragraph>
      {saved && (
        <Alert type="success" showIcon role="status" title={m('manual.saved', { at: dateTimeVn(saved) })} />
      )}
      {error && !shownByField && <Alert type="error" showIcon role="alert" title={error.message} />}
      <form
        className="monitoring-manual"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="monitoring-manual-row">
          <label htmlFor="manual-at">{m('manual.checkedAt')}</label>
          <DateInput
            id="manual-at"
            withTime
            value={checkedAt}
            onChange={setCheckedAt}
            invalid={!!errorOf('checkedAt')}
            describedBy={errorOf('checkedAt') ? 'manual-at-error' : undefined}
          />
          {errorOf('checkedAt') && (
            <span id="manual-at-error" className="monitoring-error">
              {errorOf('checkedAt')}
            </span>
          )}
        </div>
        {fields.map((f) => {
          const id = `manual-${f.key}`;
          const problem = errorOf(`values.${f.key}`);
          const text = texts[f.key] ?? '';
          const set = (v: string) => setTexts((t) => ({ ...t, [f.key]: v }));
          const described = problem ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};
          return (
            <div key={f.key} className="monitoring-manual-row">
              <label htmlFor={id}>{pick(f.name)}</label>
              {f.type === 'boolean' ? (
                <select id={id} value={text} onChange={(e) => set(e.target.value)} {...described}>
                  <option value="">{m('manual.unset')}</option>
                  <option value="true">{m('snap.yes')}</option>
                  <option value="false">{m('snap.no')}</option>
                </select>
              ) : (
                <input
                  id={id}
                  inputMode="numeric"
                  value={text}
                  onChange={(e) => set(e.target.value)}
                  {...described}
                />
              )}
              {problem && (
                <span id={`${id}-error`} className="monitoring-error">
                  {problem}
                </span>
              )}
            </div>
          );
        })}
        <div className="monitoring-manual-row">
          <label htmlFor="manual-note">{m('manual.note')}</label>
          <textarea id="manual-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <Button type="primary" htmlType="submit" loading={busy}>
          {m('manual.save')}
        </Button>
      </form>
    </section>
  );
}
