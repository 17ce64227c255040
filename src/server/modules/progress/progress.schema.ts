/** The contract of the progress board and the reminders by hand (R18). */
import { z } from 'zod';
import { CYCLE_STATES } from '../../db/schema.ts';
import { Instant, TextSchema, Uuid } from '../../platform/schema.ts';
import { REVIEW_STATUSES } from '../review/review-status.ts';

export const FORM_STATES = ['not_started', 'draft', 'submitted_on_time', 'late', 'missing'] as const;
export type FormProgress = (typeof FORM_STATES)[number];

export const CycleParams = z.object({ id: Uuid });
export const BoardQuery = z.object({ group: z.string().max(50).optional() });

export const BoardRow = z.object({
  agencyId: z.string(),
  code: z.string(),
  name: z.string(),
  group: z.string(),
  groupName: TextSchema,
  formState: z.enum(FORM_STATES),
  formStateLabel: TextSchema,
  lastSavedAt: Instant.nullable(),
  submittedAt: Instant.nullable(),
  reviewState: z.enum(REVIEW_STATUSES),
  reviewStateLabel: TextSchema,
  openQueries: z.number(),
  pendingClaims: z.number(),
  reporters: z.array(z.object({ name: z.string(), email: z.string().nullable() })),
  reminders: z.array(
    z.object({
      daysBefore: z.number(),
      at: Instant,
      sent: z
        .boolean()
        .describe('false: bỏ qua (đã quá ngày nhắc khi máy chủ không chạy, hoặc đơn vị chưa có địa chỉ thư)'),
      recipients: z.array(z.string()),
    }),
  ),
});
export type BoardRow = z.infer<typeof BoardRow>;

export const Board = z.object({
  cycle: z.object({
    id: z.string(),
    year: z.number(),
    title: z.string(),
    state: z.enum(CYCLE_STATES),
    stateLabel: TextSchema,
    deadline: Instant,
    deadlineText: z.string().describe('giờ Việt Nam, dd/mm/yyyy HH:mm'),
  }),
  now: Instant.describe('giờ của máy chủ, căn cứ xác định nộp muộn'),
  deadlinePassed: z.boolean(),
  group: z.string().nullable(),
  totals: z.record(z.enum(FORM_STATES), z.number()),
  agencies: z.array(BoardRow),
});
export type Board = z.infer<typeof Board>;

const AgencyRef = z.object({ agencyId: z.string(), code: z.string(), name: z.string() });

/** The reminders by hand: queued for sending (the mail goes out through the job queue, with retries). */
export const RemindResult = z.object({
  queued: z.array(AgencyRef.extend({ recipients: z.array(z.string()) })),
  withoutRecipients: z.array(AgencyRef),
});
export type RemindResult = z.infer<typeof RemindResult>;
