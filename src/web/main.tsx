/** Entry point: Vietnamese locale, a theme readable on office screens, the query client, the app. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { StrictMode, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ApiError } from './api.ts';
import { initLang } from './i18n/messages.ts';
import './styles.css';

// The user's language before anything renders: every screen reads it once.
const language = initLang();
dayjs.locale(language === 'vi' ? 'vi' : 'en');

/** Larger type and darker colours than the defaults: 1366×768 office screens, older eyes. */
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b4fa8',
    colorLink: '#0b4fa8',
    colorError: '#b42318',
    colorSuccess: '#1e7b34',
    colorWarning: '#8a5300',
    colorText: '#1a1f27',
    colorTextSecondary: '#3d4652',
    colorTextTertiary: '#4a5563',
    colorTextDescription: '#4a5563',
    colorTextPlaceholder: '#5f6b7a',
    // Message and alert backgrounds: light tints of each colour (the derived ones of the darker
    // colours above came out grey-olive), text stays dark on them.
    colorSuccessBg: '#eaf6ee',
    colorSuccessBorder: '#9ccfaa',
    colorWarningBg: '#fdf4e3',
    colorWarningBorder: '#e3c27d',
    colorErrorBg: '#fdeceb',
    colorErrorBorder: '#eba8a2',
    colorInfoBg: '#e9f1fb',
    colorInfoBorder: '#9dbde6',
    fontSize: 15,
    borderRadius: 4,
    controlHeight: 38,
    fontFamily: "'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif",
  },
};

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Sign-in and access errors are answers, not glitches: retrying them only delays the screen.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400),
      refetchOnWindowFocus: false,
    },
  },
});

/**
 * Whether the user asked the system for fewer animations (Windows: "Show animations in Windows"
 * off; the browser reports it as prefers-reduced-motion). Then pop-ups, dialogs and messages
 * appear at once instead of zooming and fading: calmer on a slow office PC, and kind to people for
 * whom motion is uncomfortable. The browser tests run this way too: a zooming pop-up is drawn at
 * full size for a frame or two before it shrinks and grows, and a synthetic click pressed in that
 * moment was released on another element and lost (see test/e2e/browser.ts).
 */
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
const onMotionChange = (notify: () => void) => {
  reducedMotion.addEventListener('change', notify);
  return () => reducedMotion.removeEventListener('change', notify);
};
const withMotion = { ...theme, token: { ...theme.token, motion: true } };
const withoutMotion = { ...theme, token: { ...theme.token, motion: false } };

function Root() {
  const calm = useSyncExternalStore(onMotionChange, () => reducedMotion.matches);
  return (
    <ConfigProvider locale={language === 'vi' ? viVN : undefined} theme={calm ? withoutMotion : withMotion}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
