/**
 * The bell (issue 12, item 7): the caller's notifications of the last WINDOW_DAYS from every source,
 * newest first, each with its read mark; and marking some or all of them read. E-mails are sent as
 * before; they link to the same screens.
 */
import { invalid } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { canUseNotifications } from './notifications.policy.ts';
import * as repo from './notifications.repo.ts';
import type { MarkReadBody, NotificationList } from './notifications.schema.ts';
import { type Item, type NotificationSource, SOURCES } from './sources.ts';

/** How far back the bell looks. */
export const WINDOW_DAYS = 60;
/** How many items the bell lists. */
export const MAX_ITEMS = 50;

async function collect(
  deps: AppDeps,
  caller: Caller,
  sources: readonly NotificationSource[],
): Promise<Item[]> {
  const since = new Date(deps.clock.now().getTime() - WINDOW_DAYS * 86_400_000);
  const lists = await Promise.all(sources.map((s) => s(deps, caller, since)));
  return lists
    .flat()
    .sort((a, b) => b.at.localeCompare(a.at) || a.key.localeCompare(b.key))
    .slice(0, MAX_ITEMS);
}

export async function listNotifications(
  deps: AppDeps,
  caller: Caller,
  sources: readonly NotificationSource[] = SOURCES,
): Promise<NotificationList> {
  authorize(canUseNotifications(caller.user));
  const items = await collect(deps, caller, sources);
  const read = await repo.readKeys(
    deps.database.db,
    caller.user.id,
    items.map((i) => i.key),
  );
  const out = items.map((i) => ({ ...i, read: read.has(i.key) }));
  return { items: out, unread: out.filter((i) => !i.read).length };
}

/** Marks the given keys read (only keys of the caller's own notifications), or all of them. */
export async function markNotificationsRead(
  deps: AppDeps,
  caller: Caller,
  input: MarkReadBody,
  sources: readonly NotificationSource[] = SOURCES,
): Promise<{ unread: number }> {
  authorize(canUseNotifications(caller.user));
  const items = await collect(deps, caller, sources);
  const mine = new Set(items.map((i) => i.key));
  const keys = input.keys ?? [...mine];
  const unknown = keys.find((k) => !mine.has(k));
  if (unknown !== undefined)
    throw invalid('keys', {
      vi: 'Thông báo không còn trong danh sách của bạn; hãy tải lại danh sách',
      en: 'That notification is no longer in your list; reload it',
    });
  const db = deps.database.db;
  await repo.markRead(db, caller.user.id, keys, deps.clock.now());
  const read = await repo.readKeys(db, caller.user.id, [...mine]);
  return { unread: [...mine].filter((k) => !read.has(k)).length };
}
