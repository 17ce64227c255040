/** The contract of /notifications: what the bell in the header lists and how it is marked read. */
import { z } from 'zod';
import { Instant, TextSchema as Text } from '../../platform/schema.ts';

export const NOTIFICATION_KINDS = [
  'query',
  'query_answer',
  'query_reply',
  'deadline',
  'published',
  'submitted',
  'appeal',
  'appeal_answer',
  'feedback',
  'feedback_answer',
  'survey_plan',
  'survey_reply',
] as const;

export const Notification = z.object({
  key: z
    .string()
    .describe('Khoá ổn định của thông báo (nguồn:đối tượng:phiên bản): trạng thái đã đọc gắn với khoá này'),
  kind: z.enum(NOTIFICATION_KINDS),
  at: Instant,
  title: Text,
  body: Text.nullable(),
  link: z.string().describe('Đường dẫn màn hình liên quan trong ứng dụng'),
  read: z.boolean(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationList = z.object({
  items: z.array(Notification).describe('Mới nhất trước, tối đa 50'),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const MarkReadBody = z.object({
  keys: z
    .array(z.string().min(1).max(200))
    .max(200)
    .optional()
    .describe('Các thông báo đánh dấu đã đọc; bỏ trống: đánh dấu tất cả'),
});
export type MarkReadBody = z.infer<typeof MarkReadBody>;

export const MarkReadResult = z.object({ unread: z.number().int() });
