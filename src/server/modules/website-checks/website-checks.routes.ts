/**
 * /agencies/:agencyId/website-checks: the department's checks of an agency's website (R5). Each
 * route: who may call it, its contract (website-checks.schema.ts), one use case.
 */
import { z } from 'zod';
import { type App, type AppDeps, callerOf } from '../../platform/http.ts';
import { errorResponses } from '../../platform/schema.ts';
import { readWebsiteChecks } from './read-website-checks.ts';
import { recordWebsiteCheck } from './record-website-check.ts';
import { removeWebsiteCheck } from './remove-website-check.ts';
import { websiteChecksAccess as access } from './website-checks.policy.ts';
import {
  AgencyParams,
  CheckParams,
  ChecksList,
  ChecksQuery,
  RecordCheckBody,
  RecordCheckResult,
  RemoveCheckBody,
} from './website-checks.schema.ts';

const tags = ['website-checks'];

export function websiteChecksRoutes(app: App, deps: AppDeps) {
  app.get(
    '/agencies/:agencyId/website-checks',
    {
      config: { access: access.list },
      schema: {
        tags,
        summary: 'Kết quả kiểm tra trang TTĐT của cơ quan (theo năm)',
        params: AgencyParams,
        querystring: ChecksQuery,
        response: { 200: ChecksList, ...errorResponses },
      },
    },
    async (req) => readWebsiteChecks(deps, callerOf(req), { ...req.params, ...req.query }),
  );

  app.post(
    '/agencies/:agencyId/website-checks',
    {
      config: { access: access.create },
      schema: {
        tags,
        summary: 'Ghi kết quả kiểm tra trang TTĐT',
        params: AgencyParams,
        body: RecordCheckBody,
        response: { 201: RecordCheckResult, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordWebsiteCheck(deps, callerOf(req), { ...req.params, ...req.body })),
  );

  app.delete(
    '/agencies/:agencyId/website-checks/:checkId',
    {
      config: { access: access.remove },
      schema: {
        tags,
        summary: 'Xóa một kết quả kiểm tra trang TTĐT (khi kết quả năm đó chưa phê duyệt, công bố)',
        params: CheckParams,
        body: RemoveCheckBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await removeWebsiteCheck(deps, callerOf(req), { ...req.params, reason: req.body?.reason });
      return reply.status(204).send(null);
    },
  );
}
