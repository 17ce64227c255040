/**
 * The application shell: who is signed in decides the screen (sign-in, change password, or the
 * page the address names, if the role may open it). Every screen has a skip link, a banner with
 * the role's menu, a main landmark with one h1, and a footer.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { lazy, type ReactNode, Suspense, useEffect, useRef, useState } from 'react';
import { authApi, type User, whenSessionEnds } from './api.ts';
import { Loading, NotFound } from './components/Page.tsx';
import { NotificationBell } from './features/notifications/NotificationBell.tsx';
import { lang, switchLang, t } from './i18n/messages.ts';
import { Link, matchPath, navigate, useLocation } from './router.tsx';
import { findRoute, menuOf } from './routes.tsx';

export const ME_KEY = ['auth', 'me'] as const;

// Loaded only when shown: a signed-in user's pages (the reporter's form above all) then carry none
// of the sign-in forms' code (Ant Design's Form and Card).
const LoginPage = lazy(() => import('./features/auth/LoginPage.tsx').then((x) => ({ default: x.LoginPage })));
const ChangePasswordPage = lazy(() =>
  import('./features/auth/ChangePasswordPage.tsx').then((x) => ({ default: x.ChangePasswordPage })),
);

/** The signed-in user, or null when nobody is (asked so that a visitor causes no 401). */
async function whoAmI(): Promise<User | null> {
  return (await authApi.session()).user;
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
  const location = useLocation();
  const previous = useRef<string>(screen);
  const place = screen === 'home' ? `home:${location.path}` : screen;
  useEffect(() => {
    const titles: Partial<Record<Screen, string>> = {
      login: t('login.title'),
      password: t('password.title'),
    };
    const title = titles[screen];
    if (title) document.title = `${title} — ${t('app.name')}`;
    else if (screen !== 'home') document.title = t('app.name');
    // A new page: keyboard and screen-reader focus at the start of its content.
    if (previous.current !== place && previous.current !== 'loading')
      document.getElementById('noi-dung')?.focus();
    previous.current = place;
  }, [screen, place]);

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

  // Any request that finds the session gone (expired, signed out elsewhere) ends it here too.
  const endedRef = useRef(signedOut);
  endedRef.current = signedOut;
  useEffect(() => {
    whenSessionEnds(() => endedRef.current(t('error.sessionEnded')));
    return () => whenSessionEnds(null);
  }, []);

  // A reporter's work is their agency's report: their home page is the report's.
  useEffect(() => {
    if (screen === 'home' && user?.role === 'reporter' && location.path === '/')
      navigate('/bao-cao', { replace: true });
  }, [screen, user?.role, location.path]);

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
    case 'home': {
      const found = findRoute(location.path, matchPath);
      if (!found) content = <NotFound />;
      else if (!found.route.roles.includes(user!.role)) content = <NotFound forbidden />;
      else {
        const Screen = found.route.screen;
        content = (
          <Suspense fallback={<Loading />}>
            <Screen key={location.path} params={found.params} user={user!} />
          </Suspense>
        );
      }
      break;
    }
  }

  return (
    <>
      <a className="skip-link" href="#noi-dung">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <p className="app-title">
          <Link to="/" className="app-title-link">
            {t('app.name')}
          </Link>
        </p>
        {user && screen === 'home' && (
          <nav className="app-menu" aria-label={t('app.mainMenu')}>
            <ul>
              {menuOf(user.role).map((item) => {
                const current = item.to === '/' ? location.path === '/' : location.path.startsWith(item.to);
                return (
                  <li key={item.to}>
                    <Link to={item.to} aria-current={current ? 'page' : undefined}>
                      {t(item.label)}
                    </Link>
                  </li>
                );
              })}
              <li>
                <a href="/ket-qua">{t('nav.published')}</a>
              </li>
              <li>
                <a href="/phuong-phap">{t('nav.method')}</a>
              </li>
            </ul>
          </nav>
        )}
        {user && screen === 'home' && <NotificationBell user={user} />}
        <Button
          ghost
          className="app-lang"
          lang={lang() === 'vi' ? 'en' : 'vi'}
          title={t('app.otherLangHint')}
          onClick={() => switchLang(lang() === 'vi' ? 'en' : 'vi')}
        >
          {t('app.otherLang')}
        </Button>
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
        <Suspense fallback={<Loading />}>{content}</Suspense>
      </main>
      <footer className="app-footer">{t('app.footer')}</footer>
    </>
  );
}
