/** /agencies/:agencyId/website-checks: the department's checks of an agency's website (R5). */
import { z } from 'zod';
import {
  type App,
  type AppDeps,
  actorOf,
  errorResponses,
  Instant,
  Uuid,
  userOf,
} from '../../platform/http.ts';
import { websiteChecksPolicy } from './website-checks.policy.ts';
import { websiteChecksService } from './website-checks.service.ts';

export const WebsiteCheckSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  checkedAt: Instant,
  values: z.record(z.string(), z.unknown()),
  source: z.enum(['manual', 'crawler']),
  note: z.string().nullable(),
  checkedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: Instant,
});

const Params = z.object({ agencyId: Uuid });

export function websiteChecksRoutes(app: App, deps: AppDeps) {
  const service = websiteChecksService(deps.database.db, deps.clock);

  app.get(
    '/agencies/:agencyId/website-checks',
    {
      config: { access: websiteChecksPolicy.list },
      schema: {
        tags: ['website-checks'],
        summary: 'Kết quả kiểm tra trang TTĐT của cơ quan (theo năm)',
        params: Params,
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: z.object({ checks: z.array(WebsiteCheckSchema) }), ...errorResponses },
      },
    },
    async (req) => ({ checks: await service.list(userOf(req), req.params.agencyId, req.query.year) }),
  );

  app.post(
    '/agencies/:agencyId/website-checks',
    {
      config: { access: websiteChecksPolicy.create },
      schema: {
        tags: ['website-checks'],
        summary: 'Ghi kết quả kiểm tra trang TTĐT',
        params: Params,
        body: z.object({
          checkedAt: z.string().min(1).max(40),
          values: z.record(z.string(), z.unknown()),
          note: z.string().max(2000).nullable().optional(),
        }),
        response: { 201: z.object({ check: WebsiteCheckSchema }), ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send({ check: await service.create(actorOf(req), userOf(req), req.params.agencyId, req.body) }),
  );

  app.delete(
    '/agencies/:agencyId/website-checks/:checkId',
    {
      config: { access: websiteChecksPolicy.remove },
      schema: {
        tags: ['website-checks'],
        summary: 'Xóa một kết quả kiểm tra trang TTĐT (khi kết quả năm đó chưa phê duyệt, công bố)',
        params: z.object({ agencyId: Uuid, checkId: Uuid }),
        body: z.object({ reason: z.string().max(1000).optional() }).nullish(),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await service.remove(actorOf(req), req.params.agencyId, req.params.checkId, req.body?.reason ?? null);
      return reply.status(204).send(null);
    },
  );
}
