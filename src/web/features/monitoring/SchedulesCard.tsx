/**
 * When the monitoring runs (R5), on the department's overview: the availability check every N
 * minutes and the content check weekly, monthly or quarterly on a day at an hour (Vietnam time).
 * The administrator changes them here; the assessor reads them.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Checkbox, Form, Select, Typography } from 'antd';
import { useState } from 'react';
import { LoadError, Loading } from '../../components/Page.tsx';
import { dateTimeVn } from '../../format.ts';
import { pick } from '../../i18n/messages.ts';
import { FormError, fieldError } from '../admin/shared.tsx';
import { m } from './messages.ts';
import { monitoringApi, type SchedulesAnswer, type SchedulesBody } from './monitoringApi.ts';

type Every = SchedulesBody['content']['every'];

interface Values {
  everyMinutes: number;
  availabilityEnabled: boolean;
  every: Every;
  day: number;
  weekday: number;
  hour: number;
  contentEnabled: boolean;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;
const weekdayName = (d: number) => m(`sched.wd${d}` as `sched.wd${(typeof WEEKDAYS)[number]}`);

export function SchedulesCard({ canEdit }: { canEdit: boolean }) {
  const q = useQuery({ queryKey: ['monitoring-schedules'], queryFn: () => monitoringApi.schedules() });
  if (q.isPending) return <Loading label={m('sched.loading')} />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return <Schedules data={q.data} canEdit={canEdit} />;
}

function Now({ s }: { s: SchedulesAnswer['availability'] | SchedulesAnswer['content'] }) {
  return (
    <Typography.Paragraph>
      {m('sched.now', { text: pick(s.text) })}{' '}
      {s.enabled && s.nextRunAt ? m('sched.next', { at: dateTimeVn(s.nextRunAt) }) : m('sched.paused')}{' '}
      {s.updatedBy && s.updatedAt && m('sched.changedBy', { name: s.updatedBy, at: dateTimeVn(s.updatedAt) })}
    </Typography.Paragraph>
  );
}

function Schedules({ data, canEdit }: { data: SchedulesAnswer; canEdit: boolean }) {
  const [form] = Form.useForm<Values>();
  const every = Form.useWatch('every', form) ?? data.content.cadence?.every ?? 'month';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const c = data.content.cadence;
  const save = async (shown: Values) => {
    // The day or the weekday not shown for this cadence is still sent (the server ignores it).
    const v: Values = { ...(form.getFieldsValue(true) as Values), ...shown };
    setBusy(true);
    setError(null);
    try {
      const next = await monitoringApi.setSchedules({
        availability: { everyMinutes: v.everyMinutes, enabled: v.availabilityEnabled },
        content: { every: v.every, day: v.day, weekday: v.weekday, hour: v.hour, enabled: v.contentEnabled },
      });
      client.setQueryData(['monitoring-schedules'], next);
      void message.success(m('sched.saved'));
    } catch (e) {
      setError(
        fieldError(form, e, ['everyMinutes', 'day', 'weekday', 'hour'], {
          'availability.everyMinutes': 'everyMinutes',
          'content.day': 'day',
          'content.weekday': 'weekday',
          'content.hour': 'hour',
        }),
      );
    } finally {
      setBusy(false);
    }
  };
  const minutes = (n: number) => (n < 60 ? m('sched.minutes', { n }) : m('sched.hours', { n: n / 60 }));

  return (
    <section aria-labelledby="sched-title" className="monitoring-admin">
      <h2 id="sched-title">{m('sched.title')}</h2>
      <Typography.Paragraph>{m('sched.intro')}</Typography.Paragraph>
      <div className="monitoring-schedules">
        <div>
          <h3>{m('sched.availability')}</h3>
          <Now s={data.availability} />
        </div>
        <div>
          <h3>{m('sched.content')}</h3>
          <Now s={data.content} />
        </div>
      </div>
      {canEdit && (
        <>
          {(data.availability.everyMinutes === null || c === null) && (
            <Typography.Paragraph type="warning">{m('sched.custom')}</Typography.Paragraph>
          )}
          <FormError message={error} />
          <Form<Values>
            form={form}
            name="schedules"
            layout="vertical"
            className="monitoring-schedule-form"
            onFinish={(v) => void save(v)}
            initialValues={{
              everyMinutes: data.availability.everyMinutes ?? 30,
              availabilityEnabled: data.availability.enabled,
              every: c?.every ?? 'month',
              day: c?.day ?? 1,
              weekday: c?.weekday ?? 1,
              hour: c?.hour ?? 2,
              contentEnabled: data.content.enabled,
            }}
          >
            <fieldset>
              <legend>{m('sched.availability')}</legend>
              <Form.Item name="everyMinutes" label={m('sched.every')}>
                <Select options={data.minuteChoices.map((n) => ({ value: n, label: minutes(n) }))} />
              </Form.Item>
              <Form.Item name="availabilityEnabled" valuePropName="checked">
                <Checkbox>{m('sched.enabled')}</Checkbox>
              </Form.Item>
            </fieldset>
            <fieldset>
              <legend>{m('sched.content')}</legend>
              <Form.Item name="every" label={m('sched.cadence')}>
                <Select
                  options={(['week', 'month', 'quarter'] as const).map((e) => ({
                    value: e,
                    label: m(`sched.${e}`),
                  }))}
                />
              </Form.Item>
              {every === 'week' ? (
                <Form.Item name="weekday" label={m('sched.weekday')}>
                  <Select options={WEEKDAYS.map((d) => ({ value: d, label: weekdayName(d) }))} />
                </Form.Item>
              ) : (
                <Form.Item name="day" label={m('sched.day')}>
                  <Select
                    options={Array.from({ length: 28 }, (_, i) => ({
                      value: i + 1,
                      label: m('sched.dayOf', { d: i + 1 }),
                    }))}
                  />
                </Form.Item>
              )}
              <Form.Item name="hour" label={m('sched.hour')}>
                <Select
                  options={Array.from({ length: 24 }, (_, h) => ({
                    value: h,
                    label: m('sched.hourOf', { h: String(h).padStart(2, '0') }),
                  }))}
                />
              </Form.Item>
              <Form.Item name="contentEnabled" valuePropName="checked">
                <Checkbox>{m('sched.enabled')}</Checkbox>
              </Form.Item>
            </fieldset>
            <Button type="primary" htmlType="submit" loading={busy}>
              {m('sched.save')}
            </Button>
          </Form>
        </>
      )}
    </section>
  );
}
