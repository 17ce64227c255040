/**
 * Accounts and roles: who signs in, as what, for which agency. The administrator creates
 * accounts, changes roles, locks and unlocks them, and issues a temporary password (shown once).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Checkbox,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import type { Role } from '../../api.ts';
import { LoadError, PageHeader } from '../../components/Page.tsx';
import { collator } from '../../format.ts';
import { t } from '../../i18n/messages.ts';
import { setSearch, useLocation } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { type AdminUser, type Agency, agencyAdminApi, userAdminApi } from './adminApi.ts';
import { m } from './messages.ts';
import { ConfirmButton, emptyText, FormError, fieldError, ScrollBox } from './shared.tsx';
import { type UserValues, userFields, usersShown } from './users.ts';
import './admin.css';

const ROLES: Role[] = ['admin', 'assessor', 'approver', 'reporter', 'viewer'];
const roleLabel = (r: Role) => t(`role.${r}`);

export default function UsersAdmin({ user: me }: ScreenProps) {
  const users = useQuery({ queryKey: ['users'], queryFn: userAdminApi.list });
  const agencies = useQuery({ queryKey: ['agencies', false], queryFn: () => agencyAdminApi.list(false) });
  const client = useQueryClient();
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const role = (search.get('vaitro') as Role | null) ?? null;
  const agency = search.get('coquan');
  const [editing, setEditing] = useState<AdminUser | 'new' | null>(null);
  const [secret, setSecret] = useState<{ user: AdminUser; password: string; first: boolean } | null>(null);

  const rows = useMemo(
    () => usersShown(users.data?.users ?? [], { q, role, agencyId: agency }),
    [users.data, q, role, agency],
  );
  const agencyList = [...(agencies.data?.agencies ?? [])].sort((a, b) => collator.compare(a.name, b.name));
  const agencyOptions = agencyList.map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }));
  const refresh = () => client.invalidateQueries({ queryKey: ['users'] });

  return (
    <>
      <PageHeader
        title={m('users.title')}
        crumbs={[{ label: m('crumb.home'), to: '/' }]}
        intro={<Typography.Paragraph>{m('users.intro')}</Typography.Paragraph>}
        extra={
          <Button type="primary" onClick={() => setEditing('new')}>
            {m('users.add')}
          </Button>
        }
      />
      <search className="admin-toolbar">
        <Input.Search
          aria-label={m('users.search')}
          placeholder={m('users.searchPlaceholder')}
          defaultValue={q}
          allowClear
          onChange={(e) => setSearch({ q: e.target.value || null })}
          onSearch={(v) => setSearch({ q: v.trim() || null })}
          style={{ maxWidth: 320 }}
        />
        <Select
          aria-label={m('users.filterRole')}
          value={role ?? ''}
          onChange={(v) => setSearch({ vaitro: v || null })}
          options={[
            { value: '', label: m('users.allRoles') },
            ...ROLES.map((r) => ({ value: r, label: roleLabel(r) })),
          ]}
          style={{ minWidth: 180 }}
        />
        <Select
          aria-label={m('users.filterAgency')}
          value={agency ?? ''}
          onChange={(v) => setSearch({ coquan: v || null })}
          showSearch={{ optionFilterProp: 'label' }}
          options={[{ value: '', label: m('users.allAgencies') }, ...agencyOptions]}
          style={{ minWidth: 240, maxWidth: '100%' }}
        />
      </search>
      {users.isError && <LoadError error={users.error} onRetry={() => void users.refetch()} />}
      <p className="admin-muted" aria-live="polite">
        {users.isPending
          ? m('common.loading')
          : m('users.count', { shown: rows.length, total: users.data?.users.length ?? 0 })}
      </p>
      <ScrollBox label={m('users.title')} minWidth={760}>
        <Table<AdminUser>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={rows}
          loading={users.isPending}
          locale={emptyText(users.isPending ? m('common.loading') : m('users.empty'))}
          caption={<span className="visually-hidden">{m('users.title')}</span>}
          columns={[
            {
              title: m('users.name'),
              key: 'name',
              render: (_, u) => (
                <>
                  <strong>{u.displayName}</strong>
                  <div className="admin-muted">{u.username}</div>
                </>
              ),
            },
            { title: m('users.role'), key: 'role', render: (_, u) => roleLabel(u.role) },
            { title: m('users.agency'), key: 'agency', render: (_, u) => u.agencyName ?? '—' },
            {
              title: m('users.email'),
              key: 'email',
              render: (_, u) => <span className="admin-break">{u.email ?? '—'}</span>,
            },
            {
              title: m('users.status'),
              key: 'status',
              render: (_, u) => (
                <Space size={4} wrap>
                  {u.active ? (
                    <Tag className="admin-tag-ok">{m('users.active')}</Tag>
                  ) : (
                    <Tag className="admin-tag-bad">{m('users.locked')}</Tag>
                  )}
                  {u.mustChangePassword && <Tag>{m('users.mustChange')}</Tag>}
                </Space>
              ),
            },
            {
              title: m('cycles.actions'),
              key: 'actions',
              render: (_, u) => (
                <Space size={4} wrap>
                  <Button
                    size="small"
                    onClick={() => setEditing(u)}
                    aria-label={m('users.editOf', { name: u.displayName })}
                  >
                    {m('cycle.edit')}
                  </Button>
                  {u.id !== me.id && (
                    <ConfirmButton
                      label={m('users.reset')}
                      buttonProps={{
                        size: 'small',
                        'aria-label': m('users.resetOf', { name: u.displayName }),
                      }}
                      title={m('users.resetTitle', { name: u.displayName })}
                      okLabel={m('users.resetOk')}
                      description={
                        <Typography.Paragraph>
                          {m('users.resetWhat', { username: u.username })}
                        </Typography.Paragraph>
                      }
                      onConfirm={async () => {
                        const res = await userAdminApi.resetPassword(u.id);
                        setSecret({ user: u, password: res.temporaryPassword, first: false });
                        void refresh();
                      }}
                    />
                  )}
                </Space>
              ),
            },
          ]}
        />
      </ScrollBox>
      {editing !== null && (
        <UserFormModal
          user={editing === 'new' ? null : editing}
          self={editing !== 'new' && editing.id === me.id}
          agencies={agencyList}
          onClose={() => setEditing(null)}
          onSaved={(u, password) => {
            setEditing(null);
            void refresh();
            if (password) setSecret({ user: u, password, first: true });
          }}
        />
      )}
      <Modal
        rootClassName="admin-modal"
        open={secret !== null}
        title={secret?.first ? m('users.createdTitle') : m('users.resetDoneTitle')}
        closable={false}
        mask={{ closable: false }}
        footer={
          <Button type="primary" onClick={() => setSecret(null)}>
            {m('users.secretDone')}
          </Button>
        }
      >
        {secret && (
          <div role="alert">
            <p>{m('users.secretFor', { name: secret.user.displayName, username: secret.user.username })}</p>
            <p className="admin-secret" data-testid="temporary-password">
              {secret.password}
            </p>
            <p>{m('users.secretOnce')}</p>
            <p>{m('users.secretNext')}</p>
          </div>
        )}
      </Modal>
    </>
  );
}

function UserFormModal(props: {
  user: AdminUser | null;
  self: boolean;
  agencies: Agency[];
  onClose: () => void;
  onSaved: (u: AdminUser, initialPassword: string | null) => void;
}) {
  const [form] = Form.useForm<UserValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const u = props.user;
  const role = Form.useWatch('role', form) ?? u?.role ?? 'reporter';
  const { message } = AntApp.useApp();

  const save = async (v: UserValues) => {
    setBusy(true);
    setError(null);
    try {
      if (u) {
        const res = await userAdminApi.update(u.id, userFields(v, props.self));
        void message.success(m('users.saved', { name: res.user.displayName }));
        props.onSaved(res.user, null);
      } else {
        const { displayName, email, agencyId } = userFields(v, false);
        const res = await userAdminApi.create({
          username: v.username.trim(),
          displayName,
          email,
          role: v.role,
          agencyId,
        });
        props.onSaved(res.user, res.initialPassword);
      }
    } catch (e) {
      setError(fieldError(form, e, ['username', 'displayName', 'email', 'role', 'agencyId', 'active']));
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
      open
      title={u ? m('users.editTitle', { name: u.displayName }) : m('users.createTitle')}
      okText={u ? m('common.save') : m('users.create')}
      cancelText={m('common.cancel')}
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'user-form' }}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <FormError message={error} />
      <Form<UserValues>
        id="user-form"
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{
          username: u?.username ?? '',
          displayName: u?.displayName ?? '',
          email: u?.email ?? '',
          role: u?.role ?? 'reporter',
          agencyId: u?.agencyId ?? undefined,
          active: u?.active ?? true,
        }}
      >
        <Form.Item
          name="username"
          label={m('users.username')}
          extra={u ? undefined : m('users.usernameHelp')}
          rules={u ? [] : required(m('users.username'))}
        >
          <Input disabled={!!u} maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={m('users.displayName')} rules={required(m('users.displayName'))}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="email" label={m('users.email')} extra={m('users.emailHelp')}>
          <Input type="email" maxLength={200} />
        </Form.Item>
        <Form.Item name="role" label={m('users.role')} extra={props.self ? m('users.selfRole') : undefined}>
          <Select disabled={props.self} options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))} />
        </Form.Item>
        {role === 'reporter' && (
          <Form.Item
            name="agencyId"
            label={m('users.agency')}
            extra={m('users.agencyHelp')}
            rules={required(m('users.agency'))}
          >
            <Select
              disabled={props.self}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={m('eventForm.pick')}
              options={props.agencies.map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }))}
            />
          </Form.Item>
        )}
        {u && !props.self && (
          <Form.Item name="active" valuePropName="checked" extra={m('users.activeHelp')}>
            <Checkbox>{m('users.activeLabel')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
