/**
 * The application shell: who is signed in decides the screen (sign-in, change password, home).
 * Every screen has a skip link, a banner, a main landmark with one h1, and a footer.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ApiError, authApi, type User } from './api.ts';
import { ChangePasswordPage } from './features/auth/ChangePasswordPage.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { CyclesHome } from './features/cycles/CyclesHome.tsx';
import { t } from './i18n/messages.ts';

export const ME_KEY = ['auth', 'me'] as const;

/** The signed-in user, or null when nobody is (the server answers 401). */
async function whoAmI(): Promise<User | null> {
  try {
    return (await authApi.me()).user;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

type Screen = 'loading' | 'error' | 'login' | 'password' | 'home';

export function App() {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: whoAmI, staleTime: Number.POSITIVE_INFINITY });
  const [wantsPassword, setWantsPassword] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const user = me.data ?? null;
  const screen: Screen = me.isPending
    ? 'loading'
    : me.isError
      ? 'error'
      : !user
        ? 'login'
        : user.mustChangePassword || wantsPassword
          ? 'password'
          : 'home';

  // A new screen: its own page title, and keyboard/screen-reader focus at the start of its content.
  const previous = useRef<Screen>(screen);
  useEffect(() => {
    const titles: Partial<Record<Screen, string>> = {
      login: t('login.title'),
      password: t('password.title'),
      home: t('cycles.title'),
    };
    const title = titles[screen];
    document.title = title ? `${title} — ${t('app.name')}` : t('app.name');
    if (previous.current !== screen && previous.current !== 'loading')
      document.getElementById('noi-dung')?.focus();
    previous.current = screen;
  }, [screen]);

  const signedIn = (next: User) => {
    setNotice(null);
    setWantsPassword(false);
    queryClient.setQueryData(ME_KEY, next);
  };

  const signedOut = (why?: string) => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    setWantsPassword(false);
    setNotice(why ?? null);
    queryClient.setQueryData(ME_KEY, null);
  };

  const logout = useMutation({
    mutationFn: authApi.logout,
    onSettled: () => signedOut(),
  });

  let content: ReactNode;
  switch (screen) {
    case 'loading':
      content = (
        <div role="status" style={{ padding: 48, textAlign: 'center' }}>
          <Spin />
          <p>{t('app.loading')}</p>
        </div>
      );
      break;
    case 'error':
      content = (
        <Result
          status="warning"
          title={<h1 style={{ fontSize: 22, margin: 0 }}>{(me.error as Error).message}</h1>}
          extra={
            <Button type="primary" onClick={() => void me.refetch()}>
              {t('cycles.retry')}
            </Button>
          }
        />
      );
      break;
    case 'login':
      content = <LoginPage notice={notice} onSignedIn={signedIn} />;
      break;
    case 'password':
      content = (
        <ChangePasswordPage
          user={user!}
          forced={user!.mustChangePassword}
          onDone={() => {
            setWantsPassword(false);
            queryClient.setQueryData(ME_KEY, { ...user!, mustChangePassword: false });
          }}
          onCancel={() => setWantsPassword(false)}
        />
      );
      break;
    case 'home':
      content = <CyclesHome onSessionEnded={() => signedOut(t('error.sessionEnded'))} />;
      break;
  }

  return (
    <>
      <a className="skip-link" href="#noi-dung">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <p className="app-title">{t('app.name')}</p>
        {user && (
          <nav className="app-user" aria-label={t('app.userMenu')}>
            <span>{t('app.signedInAs', { name: user.displayName, role: t(`role.${user.role}`) })}</span>
            {screen === 'home' && (
              <Button ghost onClick={() => setWantsPassword(true)}>
                {t('app.changePassword')}
              </Button>
            )}
            <Button ghost loading={logout.isPending} onClick={() => logout.mutate()}>
              {t('app.signOut')}
            </Button>
          </nav>
        )}
      </header>
      <main id="noi-dung" tabIndex={-1} className={screen === 'home' ? 'app-main' : 'auth-main'}>
        {content}
      </main>
      <footer className="app-footer">{t('app.footer')}</footer>
    </>
  );
}
