/**
 * The cycle's editable facts, for creating a cycle and for changing a draft: title, the three
 * dates of the regulation (guidance by 1 October, deadline 1 November, publication by 1 January),
 * the criteria version, the announcement. Dates are Vietnam calendar days; the deadline is the
 * start of its day ("trước 00:00 ngày 01/11"), as the regulation counts it.
 */

import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { DateInput } from '../../components/DateInput.tsx';
import { dateVn } from '../../format.ts';
import { criteriaAdminApi } from './adminApi.ts';
import { type CycleFormValues, FIELDS, followYear, versionLabel } from './cycleAdmin.ts';
import { m } from './messages.ts';
import { FormError, fieldError } from './shared.tsx';

export function CycleForm(props: {
  initial: CycleFormValues;
  withYear?: boolean;
  submitLabel: string;
  onSubmit: (values: CycleFormValues) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const [form] = Form.useForm<CycleFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const versions = useQuery({ queryKey: ['criteria'], queryFn: criteriaAdminApi.list });
  const guidanceBy = Form.useWatch('guidanceBy', form) ?? props.initial.guidanceBy;
  const deadline = Form.useWatch('deadline', form) ?? props.initial.deadline;
  const publishBy = Form.useWatch('publishBy', form) ?? props.initial.publishBy;
  // The browser may show a date input as mm/dd/yyyy: the chosen day is repeated the Vietnamese way.
  const chosen = (help: string, day: string | undefined) =>
    day ? `${help} ${m('cycleForm.chosen', { date: dateVn(day) })}` : help;

  // A new year moves the dates and the default title with it, as long as they were not typed.
  const onValuesChange = (changed: Partial<CycleFormValues>) => {
    if (!props.withYear || changed.year === undefined) return;
    form.setFieldsValue(followYear(changed.year, (k) => form.isFieldTouched(k)));
  };

  const submit = async (values: CycleFormValues) => {
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(values);
    } catch (e) {
      setError(fieldError(form, e, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const required = (label: string) => [{ required: true, message: m('common.required', { label }) }];
  return (
    <Form<CycleFormValues>
      form={form}
      layout="vertical"
      initialValues={props.initial}
      onValuesChange={onValuesChange}
      onFinish={(v) => void submit(v)}
      requiredMark="optional"
      className="admin-form"
    >
      <FormError message={error} />
      {props.withYear && (
        <Form.Item name="year" label={m('cycleForm.year')} rules={required(m('cycleForm.year'))}>
          <Input type="number" inputMode="numeric" min={2016} max={2100} style={{ maxWidth: 160 }} />
        </Form.Item>
      )}
      <Form.Item name="title" label={m('cycleForm.title')} rules={required(m('cycleForm.title'))}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item
        name="criteriaVersionId"
        label={m('cycleForm.criteria')}
        extra={m('cycleForm.criteriaHelp')}
        rules={required(m('cycleForm.criteria'))}
      >
        <Select
          loading={versions.isPending}
          options={(versions.data?.versions ?? []).map((v) => ({
            value: v.id,
            label: `${versionLabel(v)}${v.status === 'official' ? '' : ` (${m(`status.${v.status}` as 'status.draft') || v.status})`}`,
          }))}
          notFoundContent={versions.isError ? versions.error.message : m('common.loading')}
        />
      </Form.Item>
      <div className="admin-dates">
        <Form.Item
          name="guidanceBy"
          label={m('cycleForm.guidanceBy')}
          extra={chosen(m('cycleForm.guidanceByHelp'), guidanceBy)}
          rules={required(m('cycleForm.guidanceBy'))}
        >
          <DateInput />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={m('cycleForm.deadline')}
          extra={chosen(m('cycleForm.deadlineHelp'), deadline)}
          rules={required(m('cycleForm.deadline'))}
        >
          <DateInput />
        </Form.Item>
        <Form.Item
          name="publishBy"
          label={m('cycleForm.publishBy')}
          extra={chosen(m('cycleForm.publishByHelp'), publishBy)}
          rules={required(m('cycleForm.publishBy'))}
        >
          <DateInput />
        </Form.Item>
      </div>
      <Typography.Paragraph className="admin-note">
        {m('cycleForm.roster', { date: guidanceBy ? dateVn(guidanceBy) : '…' })}
      </Typography.Paragraph>
      <Form.Item
        name="announcement"
        label={m('cycleForm.announcement')}
        extra={m('cycleForm.announcementHelp')}
      >
        <Input.TextArea rows={4} maxLength={5000} showCount />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={busy}>
          {props.submitLabel}
        </Button>
        {props.onCancel && <Button onClick={props.onCancel}>{m('common.cancel')}</Button>}
      </Space>
    </Form>
  );
}
