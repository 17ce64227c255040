/** Sign in: user name and password; Enter submits; the server's Vietnamese message on failure. */
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, authApi, type User } from '../../api.ts';
import { t } from '../../i18n/messages.ts';

interface Fields {
  username: string;
  password: string;
}

export function LoginPage(props: { notice: string | null; onSignedIn: (user: User) => void }) {
  const [form] = Form.useForm<Fields>();
  const [error, setError] = useState<string | null>(null);

  const login = useMutation({
    mutationFn: (f: Fields) => authApi.login(f.username.trim(), f.password),
    onMutate: () => setError(null),
    onSuccess: ({ user }) => props.onSignedIn(user),
    onError: (e) => {
      const apiError = e instanceof ApiError ? e : null;
      if (apiError?.field === 'username' || apiError?.field === 'password') {
        form.setFields([{ name: apiError.field, errors: [apiError.message] }]);
        return;
      }
      setError(apiError?.message ?? t('error.network'));
      if (apiError?.code === 'bad_credentials') {
        form.setFieldValue('password', '');
        form.getFieldInstance('password')?.focus?.();
      }
    },
  });

  return (
    <Card className="auth-card">
      <Typography.Title level={1} style={{ fontSize: 26, marginTop: 0 }}>
        {t('login.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('login.intro')}</Typography.Paragraph>
      {props.notice && !error && (
        <Alert type="info" showIcon title={props.notice} style={{ marginBottom: 16 }} />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('login.failed')}
          description={error}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
        />
      )}
      <Form<Fields>
        form={form}
        name="dang-nhap"
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => login.mutate(values)}
      >
        <Form.Item
          label={t('login.username')}
          name="username"
          rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
        >
          <Input autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus />
        </Form.Item>
        <Form.Item
          label={t('login.password')}
          name="password"
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          {t('login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('login.forgot')}
      </Typography.Paragraph>
    </Card>
  );
}
