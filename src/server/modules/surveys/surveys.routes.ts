/**
 * /cycles/:cycleId/survey-plans…: field surveys planned before they are made (R17, Điều 10.2):
 * the claims proposed by risk, the plan, the agency's reply, moving the date, the findings that
 * become the survey record. Each route: who may call it, its contract (surveys.schema.ts), one use case.
 */
import { z } from 'zod';
import { type App, type AppDeps, callerOf } from '../../platform/http.ts';
import { errorResponses } from '../../platform/schema.ts';
import { moveSurvey, planSurvey } from './plan-survey.ts';
import { proposeClaims } from './propose-claims.ts';
import { readPlans } from './read-plans.ts';
import { recordFindings } from './record-findings.ts';
import { replyToPlan } from './reply-plan.ts';
import { surveysAccess as access } from './surveys.policy.ts';
import {
  AgencyParams,
  CycleParams,
  FindingsBody,
  FindingsResult,
  PlanBody,
  PlanParams,
  PlansQuery,
  PlansView,
  PlanView,
  Proposals,
  ProposalsQuery,
  ReplyBody,
} from './surveys.schema.ts';

const tags = ['surveys'];
const MoveBody = z.object({
  visitDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD'),
});

export function surveysRoutes(app: App, deps: AppDeps) {
  app.get(
    '/cycles/:cycleId/survey-plans',
    {
      config: { access: access.list },
      schema: {
        tags,
        summary: 'Các buổi khảo sát thực tế đã lên kế hoạch trong kỳ (đơn vị: của cơ quan mình)',
        params: CycleParams,
        querystring: PlansQuery,
        response: { 200: PlansView, ...errorResponses },
      },
    },
    async (req) => readPlans(deps, callerOf(req), { ...req.params, ...req.query }),
  );

  app.get(
    '/cycles/:cycleId/agencies/:agencyId/survey-proposals',
    {
      config: { access: access.propose },
      schema: {
        tags,
        summary: 'Các số liệu nên xác minh khi khảo sát, theo rủi ro, kèm lý do',
        params: AgencyParams,
        querystring: ProposalsQuery,
        response: { 200: Proposals, ...errorResponses },
      },
    },
    async (req) => proposeClaims(deps, callerOf(req), { ...req.params, ...req.query }),
  );

  app.post(
    '/cycles/:cycleId/agencies/:agencyId/survey-plans',
    {
      config: { access: access.plan },
      schema: {
        tags,
        summary: 'Lên kế hoạch khảo sát thực tế tại cơ quan (ngày, đoàn, mục đích, số liệu cần xác minh)',
        params: AgencyParams,
        body: PlanBody,
        response: { 201: PlanView, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await planSurvey(deps, callerOf(req), { ...req.params, ...req.body })),
  );

  app.put(
    '/cycles/:cycleId/survey-plans/:planId/date',
    {
      config: { access: access.plan },
      schema: {
        tags,
        summary: 'Đổi ngày khảo sát (cơ quan xác nhận lại)',
        params: PlanParams,
        body: MoveBody,
        response: { 200: PlanView, ...errorResponses },
      },
    },
    async (req) => moveSurvey(deps, callerOf(req), { ...req.params, ...req.body }),
  );

  app.post(
    '/cycles/:cycleId/survey-plans/:planId/reply',
    {
      config: { access: access.reply },
      schema: {
        tags,
        summary: 'Cơ quan xác nhận ngày khảo sát, hoặc đề nghị ngày khác kèm lý do',
        params: PlanParams,
        body: ReplyBody,
        response: { 200: PlanView, ...errorResponses },
      },
    },
    async (req) => replyToPlan(deps, callerOf(req), { ...req.params, ...req.body }),
  );

  app.post(
    '/cycles/:cycleId/survey-plans/:planId/findings',
    {
      config: { access: access.findings },
      schema: {
        tags,
        summary:
          'Ghi kết quả khảo sát theo từng số liệu (khớp / khác, giá trị thực tế): thành biên bản khảo sát',
        params: PlanParams,
        body: FindingsBody,
        response: { 201: FindingsResult, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordFindings(deps, callerOf(req), { ...req.params, ...req.body })),
  );
}
