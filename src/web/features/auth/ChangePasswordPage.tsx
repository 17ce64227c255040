/**
 * Change one's own password: the rules are checked as the user types (the same rules the server
 * applies), and the server's message appears by the field it names.
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, authApi, type User } from '../../api.ts';
import { t } from '../../i18n/messages.ts';
import { newPasswordProblem } from './passwordRules.ts';

interface Fields {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordPage(props: {
  user: User;
  forced: boolean;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<Fields>();
  const [error, setError] = useState<string | null>(null);
  const { message } = AntApp.useApp();

  const change = useMutation({
    mutationFn: (f: Fields) => authApi.changePassword(f.currentPassword, f.newPassword),
    onMutate: () => setError(null),
    onSuccess: () => {
      void message.success(t('password.done'));
      props.onDone();
    },
    onError: (e) => {
      const apiError = e instanceof ApiError ? e : null;
      if (apiError?.field === 'currentPassword' || apiError?.field === 'newPassword') {
        form.setFields([{ name: apiError.field, errors: [apiError.message] }]);
        form.getFieldInstance(apiError.field)?.focus?.();
        return;
      }
      setError(apiError?.message ?? t('error.network'));
    },
  });

  return (
    <Card className="auth-card">
      <Typography.Title level={1} style={{ fontSize: 26, marginTop: 0 }}>
        {t('password.title')}
      </Typography.Title>
      {props.forced && (
        <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />
      )}
      <Typography.Paragraph id="quy-tac-mat-khau">{t('password.rules')}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('password.failed')}
          description={error}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Fields>
        form={form}
        name="doi-mat-khau"
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => change.mutate(values)}
      >
        {/* The user name, for password managers and screen readers; not editable. */}
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={props.user.username}
          readOnly
          hidden
        />
        <Form.Item
          label={t('password.current')}
          name="currentPassword"
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          label={t('password.new')}
          name="newPassword"
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('password.newRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) => {
                if (!value) return Promise.resolve();
                const problem = newPasswordProblem(
                  value,
                  props.user.username,
                  getFieldValue('currentPassword'),
                );
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" aria-describedby="quy-tac-mat-khau" />
        </Form.Item>
        <Form.Item
          label={t('password.confirm')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('password.submit')}
          </Button>
          {!props.forced && <Button onClick={props.onCancel}>{t('password.cancel')}</Button>}
        </Space>
      </Form>
    </Card>
  );
}
