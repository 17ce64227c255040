/**
 * The administrator's part of an agency's monitoring page (R5): its portal and online-service
 * portal addresses with their history (from/to), a new address from a chosen day, the end of
 * monitoring, and the items pinned to a page of the portal. Every refusal is the server's
 * Vietnamese message, shown beside the field it names.
 */

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { DateInput } from '../../components/DateInput.tsx';
import { LoadError, Loading } from '../../components/Page.tsx';
import { dateVn } from '../../format.ts';
import { pick } from '../../i18n/messages.ts';
import { ConfirmButton, FormError, fieldError } from '../admin/shared.tsx';
import { m } from './messages.ts';
import { monitoringApi, type SiteKind, type SitesAnswer, type SiteView } from './monitoringApi.ts';

const KINDS: readonly SiteKind[] = ['portal', 'services'];

export function SitesAdmin({ agencyId }: { agencyId: string }) {
  const q = useQuery({
    queryKey: ['monitoring-sites', agencyId],
    queryFn: () => monitoringApi.sites(agencyId),
  });
  const client = useQueryClient();
  const [editing, setEditing] = useState<{ kind: SiteKind; site: SiteView | null } | null>(null);
  const { message } = AntApp.useApp();
  if (q.isPending) return <Loading label={m('sites.loading')} />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const data = q.data;
  const saved = async (next: SitesAnswer, note: string) => {
    client.setQueryData(['monitoring-sites', agencyId], next);
    await client.invalidateQueries({ queryKey: ['monitoring', agencyId] });
    void message.success(note);
  };
  const current = (kind: SiteKind) => data.current.find((s) => s.kind === kind) ?? null;
  const portal = current('portal');

  return (
    <section aria-labelledby="sites-admin" className="monitoring-admin">
      <h2 id="sites-admin">{m('sites.title')}</h2>
      <Typography.Paragraph>{m('sites.intro')}</Typography.Paragraph>
      <Table<{ kind: SiteKind; site: SiteView | null }>
        rowKey="kind"
        size="small"
        pagination={false}
        dataSource={KINDS.map((kind) => ({ kind, site: current(kind) }))}
        columns={[
          { title: m('sites.kind'), key: 'kind', render: (_, r) => m(`ag.kind.${r.kind}`) },
          {
            title: m('sites.url'),
            key: 'url',
            render: (_, r) =>
              r.site ? (
                <>
                  <div className="monitoring-break">{r.site.url}</div>
                  {r.site.scope !== r.site.url && (
                    <Typography.Text type="secondary">
                      {m('sites.scope', { scope: r.site.scope })}
                    </Typography.Text>
                  )}
                </>
              ) : (
                m('sites.none')
              ),
          },
          {
            title: m('sites.from'),
            key: 'from',
            render: (_, r) => (r.site ? dateVn(r.site.validFrom) : '—'),
          },
          {
            title: m('sites.actions'),
            key: 'actions',
            render: (_, r) => {
              const kind = m(`ag.kind.${r.kind}`);
              return (
                <Space wrap>
                  <Button
                    size="small"
                    aria-label={r.site ? m('sites.changeOf', { kind }) : m('sites.setOf', { kind })}
                    onClick={() => setEditing(r)}
                  >
                    {r.site ? m('sites.change') : m('sites.set')}
                  </Button>
                  {r.site && (
                    <ConfirmButton
                      label={m('sites.stop')}
                      buttonProps={{ size: 'small', 'aria-label': m('sites.stopOf', { kind }) }}
                      title={m('sites.stopTitle', { kind })}
                      description={m('sites.stopDesc', { url: r.site.url })}
                      okLabel={m('sites.stop')}
                      danger
                      onConfirm={async () =>
                        saved(
                          await monitoringApi.setSite(agencyId, r.kind, { url: null }),
                          m('sites.stopped'),
                        )
                      }
                    />
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      <h3>{m('sites.pins')}</h3>
      <Typography.Paragraph>{m('sites.pinsIntro')}</Typography.Paragraph>
      {portal ? (
        <Pins agencyId={agencyId} portal={portal} fields={data.fields} onSaved={saved} />
      ) : (
        <p>{m('sites.pinNeedsPortal')}</p>
      )}
      <h3>{m('sites.history')}</h3>
      <Table<SiteView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data.history}
        locale={{ emptyText: <span className="monitoring-empty">{m('sites.noHistory')}</span> }}
        columns={[
          { title: m('sites.kind'), key: 'kind', render: (_, s) => m(`ag.kind.${s.kind}`) },
          {
            title: m('sites.url'),
            key: 'url',
            render: (_, s) => <span className="monitoring-break">{s.url}</span>,
          },
          { title: m('sites.from'), key: 'from', render: (_, s) => dateVn(s.validFrom) },
          { title: m('sites.to'), key: 'to', render: (_, s) => (s.validTo ? dateVn(s.validTo) : '—') },
        ]}
      />
      {editing && (
        <SiteModal
          agencyId={agencyId}
          kind={editing.kind}
          site={editing.site}
          onClose={() => setEditing(null)}
          onSaved={async (next) => {
            setEditing(null);
            await saved(next, m('sites.saved'));
          }}
        />
      )}
    </section>
  );
}

interface SiteValues {
  url: string;
  validFrom: string;
}

function SiteModal(props: {
  agencyId: string;
  kind: SiteKind;
  site: SiteView | null;
  onClose: () => void;
  onSaved: (next: SitesAnswer) => Promise<void>;
}) {
  const [form] = Form.useForm<SiteValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kind = m(`ag.kind.${props.kind}`);
  const save = async (v: SiteValues) => {
    setBusy(true);
    setError(null);
    try {
      await props.onSaved(
        await monitoringApi.setSite(props.agencyId, props.kind, {
          url: v.url.trim(),
          // Empty: the server's today (its clock decides, as for every date of the system).
          ...(v.validFrom ? { validFrom: v.validFrom } : {}),
        }),
      );
    } catch (e) {
      setError(fieldError(form, e, ['url', 'validFrom']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      rootClassName="admin-modal"
      open
      title={props.site ? m('sites.changeOf', { kind }) : m('sites.setOf', { kind })}
      okText={m('sites.save')}
      cancelText={m('sites.cancel')}
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'site-form' }}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <FormError message={error} />
      <Form<SiteValues>
        id="site-form"
        name="site-form"
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{ url: props.site?.url ?? '', validFrom: '' }}
      >
        <Form.Item
          name="url"
          label={m('sites.url')}
          extra={m('sites.urlHelp')}
          rules={[{ required: true, whitespace: true, message: m('sites.urlRequired') }]}
        >
          <Input inputMode="url" autoComplete="off" />
        </Form.Item>
        <Form.Item name="validFrom" label={m('sites.validFrom')} extra={m('sites.validFromHelp')}>
          <DateInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface PinValues {
  field?: string;
  url: string;
}

function Pins(props: {
  agencyId: string;
  portal: SiteView;
  fields: SitesAnswer['fields'];
  onSaved: (next: SitesAnswer, note: string) => Promise<void>;
}) {
  const [form] = Form.useForm<PinValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameOf = (key: string) => {
    const f = props.fields.find((x) => x.key === key);
    return f ? pick(f.name) : key;
  };
  const pins = Object.entries(props.portal.pins);
  const write = async (next: Record<string, string>, note: string, field?: string) => {
    setBusy(true);
    setError(null);
    try {
      await props.onSaved(
        await monitoringApi.setSite(props.agencyId, 'portal', { url: props.portal.url, pins: next }),
        note,
      );
      form.resetFields();
      return true;
    } catch (e) {
      // The server names `pins.<field>`: its message goes beside the page address.
      setError(fieldError(form, e, ['url'], field ? { [`pins.${field}`]: 'url' } : {}));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {pins.length ? (
        <ul className="monitoring-pins">
          {pins.map(([key, url]) => (
            <li key={key}>
              <strong>{nameOf(key)}</strong>: <span className="monitoring-break">{url}</span>{' '}
              <Button
                size="small"
                disabled={busy}
                aria-label={m('sites.unpinOf', { item: nameOf(key) })}
                onClick={() => {
                  const next = { ...props.portal.pins };
                  delete next[key];
                  void write(next, m('sites.unpinned'));
                }}
              >
                {m('sites.unpin')}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{m('sites.noPins')}</p>
      )}
      <FormError message={error} />
      <Form<PinValues>
        form={form}
        name="pin"
        layout="vertical"
        className="monitoring-pin-form"
        initialValues={{ url: props.portal.scope }}
        onFinish={(v) => {
          if (v.field)
            void write({ ...props.portal.pins, [v.field]: v.url.trim() }, m('sites.pinned'), v.field);
        }}
      >
        <Form.Item
          name="field"
          label={m('sites.pinField')}
          rules={[{ required: true, message: m('sites.pinFieldRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={props.fields.map((f) => ({ value: f.key, label: pick(f.name) }))}
          />
        </Form.Item>
        <Form.Item
          name="url"
          label={m('sites.pinUrl')}
          rules={[{ required: true, whitespace: true, message: m('sites.pinUrlRequired') }]}
        >
          <Input inputMode="url" autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {m('sites.pin')}
        </Button>
      </Form>
    </>
  );
}
