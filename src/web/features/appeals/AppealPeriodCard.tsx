/**
 * The administrator sets a cycle's appeal period (issue 12, item 3): how many working days the
 * agencies have after approval, and the holidays the count skips; until publication. Shown with
 * the period in the same words the agencies read.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input } from 'antd';
import { useEffect, useId, useState } from 'react';
import { refusalOf } from '../../api.ts';
import { LoadError } from '../../components/Page.tsx';
import { PeriodSection } from './AppealsPage.tsx';
import { appealsApi } from './appealsApi.ts';
import { m } from './messages.ts';
import { holidaysText, parseHolidays } from './period.ts';
import './appeals.css';

export function AppealPeriodCard(props: { cycleId: string }) {
  const { cycleId } = props;
  const id = useId();
  const client = useQueryClient();
  const view = useQuery({
    queryKey: ['appeals', cycleId, 'all'],
    queryFn: () => appealsApi.list(cycleId),
    retry: false,
  });
  const period = view.data?.period;
  const [days, setDays] = useState('');
  const [holidays, setHolidays] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!period) return;
    setDays(String(period.days));
    setHolidays(holidaysText(period.holidays));
  }, [period]);
  const locked = view.data?.cycle.state === 'published';

  const save = async () => {
    setError(null);
    setSaved(false);
    const n = Number(days.trim());
    if (!/^\d+$/.test(days.trim()) || n > 30) return setError({ message: m('admin.badDays'), field: 'days' });
    const parsed = parseHolidays(holidays);
    if ('bad' in parsed)
      return setError({ message: m('admin.badHoliday', { entry: parsed.bad }), field: 'holidays' });
    setBusy(true);
    try {
      await appealsApi.setPeriod(cycleId, n, parsed.dates);
      // Said saved once the period shown is the one saved.
      await client.invalidateQueries({ queryKey: ['appeals', cycleId] });
      setSaved(true);
    } catch (e) {
      setError(refusalOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      className="admin-card"
      title={<h2 className="admin-h2">{m('admin.title')}</h2>}
      data-testid="appeal-period-admin"
    >
      {view.isError && <LoadError error={view.error} onRetry={() => void view.refetch()} />}
      {view.data && (
        <>
          <p>{m('admin.intro')}</p>
          <PeriodSection v={view.data} titled={false} />
          {locked ? (
            <p>{m('admin.locked')}</p>
          ) : (
            <form
              className="appeal-form"
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
            >
              <div className="appeal-field">
                <label htmlFor={`${id}-days`}>{m('admin.days')}</label>
                <Input
                  id={`${id}-days`}
                  inputMode="numeric"
                  value={days}
                  onChange={(e) => setDays(e.target.value)}
                  style={{ maxWidth: 120 }}
                  aria-invalid={error?.field === 'days'}
                />
              </div>
              <div className="appeal-field">
                <label htmlFor={`${id}-holidays`}>{m('admin.holidays')}</label>
                <Input.TextArea
                  id={`${id}-holidays`}
                  value={holidays}
                  onChange={(e) => setHolidays(e.target.value)}
                  rows={2}
                  aria-describedby={`${id}-holidays-help`}
                  aria-invalid={error?.field === 'holidays'}
                />
                <div id={`${id}-holidays-help`} className="appeal-help">
                  {m('admin.holidaysHelp')}
                </div>
              </div>
              {error && <Alert type="error" showIcon role="alert" title={error.message} />}
              {saved && <Alert type="success" showIcon role="status" title={m('admin.saved')} />}
              <Button type="primary" htmlType="submit" loading={busy}>
                {m('admin.save')}
              </Button>
            </form>
          )}
        </>
      )}
    </Card>
  );
}
