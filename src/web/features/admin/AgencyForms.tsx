/**
 * The administrator's forms on the registry: a new agency, an agency's contact details, and a
 * change of the registry (rename, merger, split, dissolution) with its effective date and the
 * decision that made it. A change ends the old units the day before and starts the new ones.
 */

import { Button, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { DateInput } from '../../components/DateInput.tsx';
import { type Agency, type AgencyEventKind, agencyAdminApi } from './adminApi.ts';
import { m } from './messages.ts';
import {
  type AgencyValues,
  agencyEditBody,
  type EventValues,
  eventBody,
  groupName,
  newAgencyBody,
  unitRowsFor,
} from './registry.ts';
import { FormError, fieldError } from './shared.tsx';
import { todayVn } from './vnDays.ts';

/** Creates an agency (no `agency`) or edits one's contact details. */
export function AgencyFormModal(props: {
  agency: Agency | null;
  groups: string[];
  open: boolean;
  onClose: () => void;
  onSaved: (a: Agency) => void;
}) {
  const [form] = Form.useForm<AgencyValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editing = props.agency !== null;
  const a = props.agency;

  const save = async (v: AgencyValues) => {
    setBusy(true);
    setError(null);
    try {
      const res = a
        ? await agencyAdminApi.update(a.id, agencyEditBody(v))
        : await agencyAdminApi.create(newAgencyBody(v));
      props.onSaved(res.agency);
    } catch (e) {
      setError(fieldError(form, e, ['code', 'name', 'shortName', 'group', 'website', 'email', 'validFrom']));
    } finally {
      setBusy(false);
    }
  };
  const required = (label: string) => [
    { required: true, whitespace: true, message: m('common.required', { label }) },
  ];
  return (
    <Modal
      rootClassName="admin-modal"
      open={props.open}
      title={editing ? m('agencyForm.editTitle', { name: a?.name ?? '' }) : m('agencyForm.createTitle')}
      okText={editing ? m('common.save') : m('agencyForm.create')}
      cancelText={m('common.cancel')}
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'agency-form' }}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <FormError message={error} />
      <Form<AgencyValues>
        id="agency-form"
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{
          code: a?.code ?? '',
          name: a?.name ?? '',
          shortName: a?.shortName ?? '',
          group: a?.groupId ?? props.groups[0] ?? 'department',
          website: a?.website ?? '',
          email: a?.email ?? '',
          validFrom: todayVn(),
        }}
      >
        {editing && <Typography.Paragraph>{m('agencyForm.renameHint')}</Typography.Paragraph>}
        <Form.Item
          name="code"
          label={m('agency.code')}
          extra={m('agencyForm.codeHelp')}
          rules={editing ? [] : required(m('agency.code'))}
        >
          <Input disabled={editing} maxLength={20} />
        </Form.Item>
        <Form.Item name="name" label={m('agency.name')} rules={required(m('agency.name'))}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="shortName" label={m('agency.shortName')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="group" label={m('agency.group')}>
          <Select disabled={editing} options={props.groups.map((g) => ({ value: g, label: groupName(g) }))} />
        </Form.Item>
        <Form.Item name="website" label={m('agency.website')} extra={m('agencyForm.websiteHelp')}>
          <Input type="url" maxLength={300} />
        </Form.Item>
        <Form.Item name="email" label={m('agency.email')}>
          <Input type="email" maxLength={200} />
        </Form.Item>
        {!editing && (
          <Form.Item name="validFrom" label={m('agency.validFrom')}>
            <DateInput />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

const KINDS: AgencyEventKind[] = ['rename', 'merge', 'split', 'dissolve'];

export function AgencyEventModal(props: {
  agencies: Agency[];
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<EventValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'rename';
  const into = Form.useWatch('into', form) ?? 'new';
  const current = props.agencies.filter((a) => a.validTo === null);
  const options = current.map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }));

  const save = async (v: EventValues) => {
    setBusy(true);
    setError(null);
    try {
      await agencyAdminApi.recordEvent(eventBody(v));
      form.resetFields();
      props.onSaved();
    } catch (e) {
      setError(fieldError(form, e, ['effectiveDate', 'decisionRef', 'note', 'from'], { to: 'units' }));
    } finally {
      setBusy(false);
    }
  };

  const required = (label: string) => [{ required: true, message: m('common.required', { label }) }];
  const single = kind !== 'merge';
  const newUnits = kind === 'rename' || kind === 'split' || (kind === 'merge' && into === 'new');
  return (
    <Modal
      rootClassName="admin-modal"
      open={props.open}
      title={m('eventForm.title')}
      okText={m('eventForm.submit')}
      cancelText={m('common.cancel')}
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'event-form' }}
      onCancel={props.onClose}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph>{m('eventForm.intro')}</Typography.Paragraph>
      <FormError message={error} />
      <Form<EventValues>
        id="event-form"
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{
          kind: 'rename',
          effectiveDate: todayVn(),
          decisionRef: '',
          note: '',
          into: 'new',
          units: [{ code: '', name: '' }],
        }}
        onValuesChange={(changed: Partial<EventValues>) => {
          if (changed.kind) {
            form.setFieldsValue({
              from: changed.kind === 'merge' ? [] : undefined,
              units: Array.from({ length: unitRowsFor(changed.kind) }, () => ({ code: '', name: '' })),
            });
          }
        }}
      >
        <Form.Item name="kind" label={m('eventForm.kind')}>
          <Radio.Group
            options={KINDS.map((k) => ({ value: k, label: m(`event.${k}`) }))}
            optionType="button"
          />
        </Form.Item>
        <Typography.Paragraph className="admin-note">{m(`eventForm.${kind}Help`)}</Typography.Paragraph>
        <Form.Item
          name="from"
          label={single ? m('eventForm.fromOne') : m('eventForm.fromMany')}
          rules={required(m('eventForm.from'))}
        >
          <Select
            mode={single ? undefined : 'multiple'}
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            placeholder={m('eventForm.pick')}
          />
        </Form.Item>
        {kind === 'merge' && (
          <Form.Item name="into" label={m('eventForm.into')}>
            <Radio.Group
              options={[
                { value: 'new', label: m('eventForm.intoNew') },
                { value: 'existing', label: m('eventForm.intoExisting') },
              ]}
            />
          </Form.Item>
        )}
        {kind === 'merge' && into === 'existing' && (
          <Form.Item
            name="intoAgency"
            label={m('eventForm.intoAgency')}
            rules={required(m('eventForm.intoAgency'))}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={options}
              placeholder={m('eventForm.pick')}
            />
          </Form.Item>
        )}
        {newUnits && (
          <Form.List name="units">
            {(fields, { add, remove }) => (
              <fieldset className="admin-fieldset">
                <legend>{kind === 'rename' ? m('eventForm.newName') : m('eventForm.newUnits')}</legend>
                {fields.map((f, i) => (
                  <div key={f.key} className="admin-dates">
                    <Form.Item
                      name={[f.name, 'code']}
                      label={m('eventForm.unitCode', { n: i + 1 })}
                      rules={required(m('agency.code'))}
                    >
                      <Input maxLength={20} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'name']}
                      label={m('eventForm.unitName', { n: i + 1 })}
                      rules={required(m('agency.name'))}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                    {kind === 'split' && fields.length > 2 && (
                      <Button onClick={() => remove(f.name)}>
                        {m('eventForm.removeUnit', { n: i + 1 })}
                      </Button>
                    )}
                  </div>
                ))}
                {kind === 'split' && (
                  <Space>
                    <Button onClick={() => add({ code: '', name: '' })}>{m('eventForm.addUnit')}</Button>
                  </Space>
                )}
              </fieldset>
            )}
          </Form.List>
        )}
        <div className="admin-dates">
          <Form.Item
            name="effectiveDate"
            label={m('eventForm.effectiveDate')}
            rules={required(m('eventForm.effectiveDate'))}
          >
            <DateInput />
          </Form.Item>
          <Form.Item
            name="decisionRef"
            label={m('eventForm.decisionRef')}
            extra={m('eventForm.decisionRefHelp')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: m('common.required', { label: m('eventForm.decisionRef') }),
              },
            ]}
          >
            <Input maxLength={300} />
          </Form.Item>
        </div>
        <Form.Item name="note" label={m('eventForm.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
