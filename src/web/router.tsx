/**
 * A small client-side router on the History API: enough for the application's few dozen pages,
 * without a dependency. Paths are Vietnamese words without diacritics (/bao-cao, /ky/…/tien-do),
 * so that an address read aloud or printed still makes sense.
 */
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

type Listener = () => void;
const listeners = new Set<Listener>();

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** The current path with its query string, e.g. "/ky/3/tien-do?loc=late"; re-renders on change. */
export function useLocation(): { path: string; search: URLSearchParams; href: string } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const [path, query = ''] = href.split('?');
  return { path: path!, search: new URLSearchParams(query), href };
}

/** Goes to another page of the application (no reload). `replace` keeps the history short. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  for (const l of listeners) l();
}

/** Replaces the query string of the current page, e.g. a table's filters, without a new history entry. */
export function setSearch(params: Record<string, string | number | null | undefined>): void {
  const search = new URLSearchParams(window.location.search);
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') search.delete(k);
    else search.set(k, String(v));
  }
  const query = search.toString();
  window.history.replaceState(null, '', window.location.pathname + (query ? `?${query}` : ''));
  for (const l of listeners) l();
}

/**
 * Whether `path` matches `pattern` ("/ky/:cycleId/tham-dinh/:agencyId"), and its parameters.
 * Parameters are decoded; a trailing slash is ignored.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const h = have[i]!;
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(h);
      } catch {
        return null;
      }
    } else if (w !== h) return null;
  }
  return params;
}

/** An ordinary link (opens in a new tab with Ctrl/middle click) that navigates in place otherwise. */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const { to, onClick, ...rest } = props;
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={click} {...rest} />;
}
