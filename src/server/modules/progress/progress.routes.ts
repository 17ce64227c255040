/** /cycles/:id/progress and /cycles/:id/reminders/send: following up the agencies (R18). */
import { z } from 'zod';
import { CYCLE_STATES } from '../../db/schema.ts';
import { type App, type AppDeps, actorOf, errorResponses, Instant, Uuid } from '../../platform/http.ts';
import { REVIEW_STATUSES } from '../review/review-status.ts';
import { progressPolicy } from './progress.policy.ts';
import { FORM_STATES, progressService } from './progress.service.ts';

const Text = z.object({ vi: z.string(), en: z.string().optional() });
const AgencyRef = z.object({ agencyId: z.string(), code: z.string(), name: z.string() });

const Board = z.object({
  cycle: z.object({
    id: z.string(),
    year: z.number(),
    title: z.string(),
    state: z.enum(CYCLE_STATES),
    stateLabel: Text,
    deadline: Instant,
    deadlineText: z.string().describe('giờ Việt Nam, dd/mm/yyyy HH:mm'),
  }),
  now: Instant.describe('giờ của máy chủ, căn cứ xác định nộp muộn'),
  deadlinePassed: z.boolean(),
  group: z.string().nullable(),
  totals: z.object(
    Object.fromEntries(FORM_STATES.map((s) => [s, z.number()])) as Record<
      (typeof FORM_STATES)[number],
      z.ZodNumber
    >,
  ),
  agencies: z.array(
    z.object({
      agencyId: z.string(),
      code: z.string(),
      name: z.string(),
      group: z.string(),
      groupName: Text,
      formState: z.enum(FORM_STATES),
      formStateLabel: Text,
      lastSavedAt: Instant.nullable(),
      submittedAt: Instant.nullable(),
      reviewState: z.enum(REVIEW_STATUSES),
      reviewStateLabel: Text,
      openQueries: z.number(),
      pendingClaims: z.number(),
      reporters: z.array(z.object({ name: z.string(), email: z.string().nullable() })),
      reminders: z.array(
        z.object({
          daysBefore: z.number(),
          at: Instant,
          sent: z
            .boolean()
            .describe(
              'false: bỏ qua (đã quá ngày nhắc khi máy chủ không chạy, hoặc đơn vị chưa có địa chỉ thư)',
            ),
          recipients: z.array(z.string()),
        }),
      ),
    }),
  ),
});

export function progressRoutes(app: App, deps: AppDeps) {
  const service = progressService(deps, app.log);

  app.get(
    '/cycles/:id/progress',
    {
      config: { access: progressPolicy.board },
      schema: {
        tags: ['progress'],
        summary: 'Tiến độ nộp báo cáo và thẩm định của từng cơ quan',
        params: z.object({ id: Uuid }),
        querystring: z.object({ group: z.string().max(50).optional() }),
        response: { 200: Board, ...errorResponses },
      },
    },
    async (req) => service.board(req.params.id, { group: req.query.group }),
  );

  app.post(
    '/cycles/:id/reminders/send',
    {
      config: { access: progressPolicy.remind },
      schema: {
        tags: ['progress'],
        summary: 'Gửi ngay thư nhắc nộp báo cáo cho các cơ quan chưa nộp',
        params: z.object({ id: Uuid }),
        response: {
          200: z.object({
            sent: z.array(AgencyRef.extend({ recipients: z.array(z.string()) })),
            failed: z.array(AgencyRef),
            withoutRecipients: z.array(AgencyRef),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => service.remindNow(actorOf(req), req.params.id),
  );
}
