/**
 * Sign in: user name and password; Enter submits; the server's Vietnamese message on failure.
 * When the province's single sign-on is configured, a second button below the form goes to it
 * (a plain link: the server redirects to the provider and back); a failed attempt comes back here
 * with a refusal code in the address, whose message the server gives.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Divider, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { OidcInfo } from '../../../server/modules/auth/auth.schema.ts';
import { ApiError, api, apiUrl, authApi, type User } from '../../api.ts';
import { pick, t } from '../../i18n/messages.ts';
import { setSearch } from '../../router.tsx';

/** The address parameter of a refused single sign-on (OIDC_REFUSAL_PARAM of auth.schema.ts). */
const REFUSAL_PARAM = 'loi-dang-nhap';

/** Reads the refusal code once, and takes it out of the address (a reload or a bookmark shows nothing). */
function useRefusalCode(): string | null {
  const [code] = useState(() => new URLSearchParams(window.location.search).get(REFUSAL_PARAM));
  useEffect(() => {
    if (code) setSearch({ [REFUSAL_PARAM]: null });
  }, [code]);
  return code;
}

/** Where the single sign-on starts, coming back to this page afterwards. */
function ssoStartUrl(): string {
  const search = new URLSearchParams(window.location.search);
  search.delete(REFUSAL_PARAM);
  const query = search.toString();
  const here = window.location.pathname + (query ? `?${query}` : '');
  return apiUrl(`/auth/oidc/start${here === '/' ? '' : `?next=${encodeURIComponent(here)}`}`);
}

interface Fields {
  username: string;
  password: string;
}

export function LoginPage(props: { notice: string | null; onSignedIn: (user: User) => void }) {
  const [form] = Form.useForm<Fields>();
  const [error, setError] = useState<string | null>(null);
  const refusalCode = useRefusalCode();
  const sso = useQuery({
    queryKey: ['auth', 'oidc', refusalCode],
    queryFn: () =>
      api<OidcInfo>(`/auth/oidc${refusalCode ? `?refusal=${encodeURIComponent(refusalCode)}` : ''}`),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const refusal = sso.data?.refusal;

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
      {refusal && !error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('login.ssoFailed')}
          description={pick(refusal)}
          style={{ marginBottom: 16 }}
          data-testid="sso-error"
        />
      )}
      {props.notice && !error && !refusal && (
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
      {sso.data?.enabled && sso.data.label && (
        <>
          <Divider plain>{t('login.or')}</Divider>
          {/* A long label wraps on a phone instead of widening the page. */}
          <Button block href={ssoStartUrl()} style={{ whiteSpace: 'normal', height: 'auto', minHeight: 40 }}>
            {pick(sso.data.label)}
          </Button>
        </>
      )}
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('login.forgot')}
      </Typography.Paragraph>
    </Card>
  );
}
