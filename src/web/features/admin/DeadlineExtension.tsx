/**
 * Extending the deadline for the whole cycle (no agency gets its own): a new deadline, the
 * reason and the number of the decision that grants it, confirmed because every reporter is
 * told by e-mail; and the history of the extensions already granted.
 */

import { App as AntApp, Button, Card, Form, Input, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { DateInput } from '../../components/DateInput.tsx';
import { dateTimeVn, dateVn } from '../../format.ts';
import { type CycleDetail, cycleAdminApi, type Extension, type MailReport } from './adminApi.ts';
import { m } from './messages.ts';
import { FormError, fieldError, ScrollBox } from './shared.tsx';
import { vnDay, vnMidnight } from './vnDays.ts';

interface Values {
  deadline: string;
  reason: string;
  decisionRef: string;
}

export function DeadlineExtension(props: {
  cycle: CycleDetail;
  onExtended: (c: CycleDetail, mail: MailReport) => void;
}) {
  const { cycle } = props;
  const [form] = Form.useForm<Values>();
  const [pending, setPending] = useState<Values | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = AntApp.useApp();
  const newDeadline = Form.useWatch('deadline', form);

  const extend = async () => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      const res = await cycleAdminApi.extend(cycle.id, {
        deadline: vnMidnight(pending.deadline),
        reason: pending.reason.trim(),
        decisionRef: pending.decisionRef.trim(),
      });
      props.onExtended(res.cycle, res.mail);
      form.resetFields();
      void message.success(m('extend.done', { at: dateTimeVn(res.cycle.deadline) }));
    } catch (e) {
      setError(fieldError(form, e, ['deadline', 'reason', 'decisionRef']));
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  const required = (label: string) => [
    { required: true, whitespace: true, message: m('common.required', { label }) },
  ];
  return (
    <Card className="admin-card" title={<h2 className="admin-h2">{m('extend.title')}</h2>}>
      {cycle.state === 'open' ? (
        <>
          <Typography.Paragraph>{m('extend.intro', { at: dateTimeVn(cycle.deadline) })}</Typography.Paragraph>
          <FormError message={error} />
          <Form<Values>
            // A new deadline starts the form again from it.
            key={cycle.deadline}
            form={form}
            layout="vertical"
            className="admin-form"
            initialValues={{ deadline: vnDay(cycle.deadline), reason: '', decisionRef: '' }}
            onFinish={(v) => setPending(v)}
          >
            <Form.Item
              name="deadline"
              label={m('extend.newDeadline')}
              extra={
                newDeadline
                  ? `${m('extend.newDeadlineHelp')} ${m('cycleForm.chosen', { date: dateVn(newDeadline) })}`
                  : m('extend.newDeadlineHelp')
              }
              rules={required(m('extend.newDeadline'))}
            >
              <DateInput />
            </Form.Item>
            <Form.Item
              name="decisionRef"
              label={m('extend.decisionRef')}
              extra={m('extend.decisionRefHelp')}
              rules={required(m('extend.decisionRef'))}
            >
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="reason" label={m('extend.reason')} rules={required(m('extend.reason'))}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {m('extend.submit')}
            </Button>
          </Form>
          <Modal
            rootClassName="admin-modal"
            open={pending !== null}
            title={m('extend.confirmTitle')}
            okText={m('extend.confirmOk')}
            cancelText={m('common.cancel')}
            okButtonProps={{ loading: busy }}
            onOk={() => void extend()}
            onCancel={() => setPending(null)}
          >
            {pending && (
              <Typography.Paragraph>
                {m('extend.confirmText', {
                  from: dateTimeVn(cycle.deadline),
                  to: dateTimeVn(vnMidnight(pending.deadline)),
                  ref: pending.decisionRef.trim(),
                })}
              </Typography.Paragraph>
            )}
          </Modal>
        </>
      ) : (
        <Typography.Paragraph className="admin-note">{m('extend.onlyOpen')}</Typography.Paragraph>
      )}
      <h3 className="admin-h3">{m('extend.history')}</h3>
      {cycle.extensions.length === 0 ? (
        <Typography.Paragraph>{m('extend.none')}</Typography.Paragraph>
      ) : (
        <ScrollBox label={m('extend.history')} minWidth={640}>
          <Table<Extension>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={cycle.extensions}
            caption={<span className="visually-hidden">{m('extend.history')}</span>}
            columns={[
              { title: m('extend.decisionRef'), dataIndex: 'decisionRef', key: 'ref' },
              { title: m('extend.old'), key: 'old', render: (_, e) => dateTimeVn(e.oldDeadline) },
              { title: m('extend.new'), key: 'new', render: (_, e) => dateTimeVn(e.newDeadline) },
              { title: m('extend.reason'), dataIndex: 'reason', key: 'reason' },
              {
                title: m('extend.by'),
                key: 'by',
                render: (_, e) => `${e.decidedByName ?? '—'}, ${dateTimeVn(e.createdAt)}`,
              },
            ]}
          />
        </ScrollBox>
      )}
    </Card>
  );
}
