/**
 * The bell in the header: the count of unread notifications and, opened, their list (newest
 * first), each leading to its screen; "mark all read". Polled every 60 s. A disclosure, not a
 * menu: a button with aria-expanded and a labelled region; Escape or a click outside closes it
 * and gives the focus back to the button.
 */
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useEffect, useId, useRef, useState } from 'react';
import type { User } from '../../api.ts';
import { dateTimeVn } from '../../format.ts';
import { pick as tx } from '../../i18n/messages.ts';
import { Link } from '../../router.tsx';
import { m } from './messages.ts';
import { BELL_ROLES, type Notification, notificationsApi, POLL_MS } from './notificationsApi.ts';

const QUERY_KEY = ['notifications'];

export function NotificationBell({ user }: { user: User }) {
  const has = (BELL_ROLES as readonly string[]).includes(user.role);
  return has ? <Bell /> : null;
}

function Bell() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const client = useQueryClient();
  const list = useQuery({
    queryKey: QUERY_KEY,
    queryFn: notificationsApi.list,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    retry: false,
  });
  const mark = useMutation({
    mutationFn: (keys?: string[]) => notificationsApi.markRead(keys),
    onSuccess: () => void client.invalidateQueries({ queryKey: QUERY_KEY }),
  });

  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Escape') return;
        setOpen(false);
        button.current?.focus();
        return;
      }
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [open]);

  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];
  const follow = (n: Notification) => {
    setOpen(false);
    if (!n.read) mark.mutate([n.key]);
  };
  return (
    <div className="app-bell" ref={box}>
      <button
        ref={button}
        type="button"
        className="app-bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread ? m('bell.labelUnread', { count: unread }) : m('bell.label')}
        data-testid="bell"
        onClick={() => setOpen((o) => !o)}
      >
        <BellOutlined aria-hidden />
        {unread > 0 && (
          <span className="app-bell-count" aria-hidden data-testid="bell-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <section id={panelId} className="app-bell-panel" aria-labelledby={headingId} data-testid="bell-panel">
          <div className="app-bell-head">
            <h2 id={headingId}>{m('bell.title')}</h2>
            <Button
              size="small"
              disabled={unread === 0}
              loading={mark.isPending}
              onClick={() => mark.mutate(undefined)}
            >
              {m('bell.markAll')}
            </Button>
          </div>
          {list.isPending && <p className="app-bell-note">{m('bell.loading')}</p>}
          {list.isError && (
            <p className="app-bell-note" role="alert">
              {m('bell.error')}
            </p>
          )}
          {list.data && items.length === 0 && <p className="app-bell-note">{m('bell.empty')}</p>}
          {items.length > 0 && (
            <ul className="app-bell-list">
              {items.map((n) => (
                <li key={n.key} className={n.read ? 'is-read' : 'is-unread'}>
                  <Link to={n.link} onClick={() => follow(n)}>
                    {!n.read && <span className="app-bell-new">{m('bell.new')}: </span>}
                    <span className="app-bell-item-title">{tx(n.title)}</span>
                    {n.body && <span className="app-bell-item-body">{tx(n.body)}</span>}
                    <span className="app-bell-item-at">{dateTimeVn(n.at)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <p className="app-bell-note app-bell-small">{m('bell.mailNote')}</p>
          <Button
            size="small"
            onClick={() => {
              setOpen(false);
              button.current?.focus();
            }}
          >
            {m('bell.close')}
          </Button>
        </section>
      )}
    </div>
  );
}
