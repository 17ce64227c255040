/** What the bell reads and sends (src/server/modules/notifications/notifications.schema.ts). */
import type {
  Notification,
  NotificationList,
} from '../../../server/modules/notifications/notifications.schema.ts';
import { api } from '../../api.ts';

export type { Notification, NotificationList };

/** The bell polls this often (no websockets: several servers share no state). */
export const POLL_MS = 60_000;

export const notificationsApi = {
  list: () => api<NotificationList>('/notifications'),
  markRead: (keys?: string[]) =>
    api<{ unread: number }>('/notifications/read', { method: 'POST', body: keys ? { keys } : {} }),
};

/** The roles that have a bell (a viewer follows nothing up). */
export const BELL_ROLES = ['admin', 'assessor', 'approver', 'reporter'] as const;
