/**
 * What every screen shares: one h1 that is also the browser tab's title, a trail back to where the
 * user came from, and the same messages while loading or when loading failed.
 */
import { Alert, Breadcrumb, Button, Spin, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { ApiError } from '../api.ts';
import { t } from '../i18n/messages.ts';
import { Link } from '../router.tsx';

export interface Crumb {
  label: string;
  to?: string;
}

/** Sets the tab title "<title> — <app name>" while the screen is shown. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title]);
}

export function PageHeader(props: { title: string; crumbs?: Crumb[]; extra?: ReactNode; intro?: ReactNode }) {
  usePageTitle(props.title);
  return (
    <div className="page-header">
      {props.crumbs && props.crumbs.length > 0 && (
        <nav aria-label={t('app.breadcrumb')}>
          <Breadcrumb
            items={[...props.crumbs, { label: props.title }].map((c, i, all) => ({
              key: i,
              title:
                'to' in c && c.to && i < all.length - 1 ? (
                  <Link to={c.to}>{c.label}</Link>
                ) : (
                  <span aria-current={i === all.length - 1 ? 'page' : undefined}>{c.label}</span>
                ),
            }))}
          />
        </nav>
      )}
      <div className="page-header-row">
        <Typography.Title level={1} className="page-title">
          {props.title}
        </Typography.Title>
        {props.extra && <div className="page-header-extra">{props.extra}</div>}
      </div>
      {props.intro && <div className="page-intro">{props.intro}</div>}
    </div>
  );
}

/** A spinner with words, announced to screen readers. */
export function Loading(props: { label?: string }) {
  return (
    <div role="status" className="page-loading">
      <Spin />
      <p>{props.label ?? t('app.loading')}</p>
    </div>
  );
}

/** A failed load: the server's Vietnamese message and a retry button. 403/404 need no retry. */
export function LoadError(props: { error: unknown; title?: string; onRetry?: () => void }) {
  const e = props.error;
  const message = e instanceof Error ? e.message : t('error.network');
  const final = e instanceof ApiError && (e.status === 403 || e.status === 404);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={props.title ?? t('app.loadFailed')}
      description={message}
      action={
        props.onRetry && !final ? <Button onClick={props.onRetry}>{t('cycles.retry')}</Button> : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/** A page that does not exist, or that this role may not open. */
export function NotFound(props: { forbidden?: boolean }) {
  const title = props.forbidden ? t('app.forbidden') : t('app.notFound');
  usePageTitle(title);
  return (
    <div className="page-missing">
      <Typography.Title level={1} className="page-title">
        {title}
      </Typography.Title>
      <Typography.Paragraph>
        {props.forbidden ? t('app.forbiddenHelp') : t('app.notFoundHelp')}
      </Typography.Paragraph>
      <Link to="/">{t('app.backHome')}</Link>
    </div>
  );
}
