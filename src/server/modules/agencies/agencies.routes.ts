/** /agencies: the registry of evaluated units and its history (R1). */
import { z } from 'zod';
import { AGENCY_EVENT_KINDS } from '../../db/schema.ts';
import {
  type App,
  type AppDeps,
  actorOf,
  errorResponses,
  Instant,
  Uuid,
  userOf,
} from '../../platform/http.ts';
import { agenciesPolicy } from './agencies.policy.ts';
import { agenciesService } from './agencies.service.ts';

const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
const Email = z.email({ message: 'Địa chỉ thư điện tử không hợp lệ' }).max(200, 'Tối đa 200 ký tự');

const AgencyView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  groupId: z.string(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});

const AgencyRef = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  groupId: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

const EventView = z.object({
  id: z.string(),
  kind: z.enum(AGENCY_EVENT_KINDS),
  effectiveDate: z.string(),
  decisionRef: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: Instant,
  from: z.array(AgencyRef),
  to: z.array(AgencyRef),
});

const UnitFields = {
  code: z.string().max(40, 'Mã cơ quan tối đa 20 ký tự'),
  name: z.string().max(400, 'Tên cơ quan tối đa 200 ký tự'),
  shortName: z.string().max(100, 'Tên viết tắt tối đa 100 ký tự').nullable().optional(),
  group: z.string().max(40),
  website: z.string().max(300, 'Địa chỉ trang TTĐT tối đa 300 ký tự').nullable().optional(),
  email: Email.nullable().optional(),
};

export function agenciesRoutes(app: App, deps: AppDeps) {
  const service = agenciesService(deps.database.db, deps.clock);

  app.get(
    '/agencies',
    {
      config: { access: agenciesPolicy.list },
      schema: {
        tags: ['agencies'],
        summary: 'Danh sách cơ quan có hiệu lực vào một ngày (mặc định hôm nay), hoặc cả lịch sử (all=true)',
        querystring: z.object({
          validOn: DateText.optional(),
          all: z.enum(['true', 'false']).optional(),
          group: z.string().max(40).optional(),
        }),
        response: {
          200: z.object({ validOn: z.string().nullable(), agencies: z.array(AgencyView) }),
          ...errorResponses,
        },
      },
    },
    async (req) =>
      service.list(userOf(req), {
        validOn: req.query.validOn,
        all: req.query.all === 'true',
        group: req.query.group,
      }),
  );

  app.get(
    '/agencies/events',
    {
      config: { access: agenciesPolicy.events },
      schema: {
        tags: ['agencies'],
        summary: 'Các thay đổi gần đây của danh sách cơ quan (đổi tên, hợp nhất, chia tách, giải thể)',
        response: { 200: z.object({ events: z.array(EventView) }), ...errorResponses },
      },
    },
    async () => ({ events: await service.events() }),
  );

  app.get(
    '/agencies/:id',
    {
      config: { access: agenciesPolicy.get },
      schema: {
        tags: ['agencies'],
        summary: 'Một cơ quan và lịch sử thay đổi của nó',
        params: z.object({ id: Uuid }),
        response: { 200: z.object({ agency: AgencyView, history: z.array(EventView) }), ...errorResponses },
      },
    },
    async (req) => service.get(userOf(req), req.params.id),
  );

  app.post(
    '/agencies',
    {
      config: { access: agenciesPolicy.create },
      schema: {
        tags: ['agencies'],
        summary: 'Thêm cơ quan',
        body: z.object({ ...UnitFields, validFrom: DateText.optional() }),
        response: { 201: z.object({ agency: AgencyView }), ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ agency: await service.create(actorOf(req), req.body) }),
  );

  app.patch(
    '/agencies/:id',
    {
      config: { access: agenciesPolicy.update },
      schema: {
        tags: ['agencies'],
        summary:
          'Sửa thông tin cơ quan (tên, tên viết tắt, trang TTĐT, thư điện tử); đổi tên chính thức là một thay đổi (POST /agencies/events)',
        params: z.object({ id: Uuid }),
        body: z.object({
          name: UnitFields.name.optional(),
          shortName: UnitFields.shortName,
          website: UnitFields.website,
          email: UnitFields.email,
        }),
        response: { 200: z.object({ agency: AgencyView }), ...errorResponses },
      },
    },
    async (req) => ({ agency: await service.update(actorOf(req), req.params.id, req.body) }),
  );

  app.post(
    '/agencies/events',
    {
      config: { access: agenciesPolicy.recordEvent },
      schema: {
        tags: ['agencies'],
        summary:
          'Ghi nhận đổi tên, hợp nhất/sáp nhập, chia tách hoặc giải thể: kết thúc đơn vị cũ ngày trước ngày hiệu lực, tạo đơn vị mới từ ngày hiệu lực',
        body: z.object({
          kind: z.enum(AGENCY_EVENT_KINDS),
          effectiveDate: DateText,
          decisionRef: z.string().max(300, 'Số hiệu văn bản tối đa 300 ký tự'),
          note: z.string().max(2000, 'Ghi chú tối đa 2000 ký tự').nullable().optional(),
          from: z.array(Uuid).max(50),
          to: z
            .array(
              z.object({
                agencyId: Uuid.optional(),
                code: UnitFields.code.optional(),
                name: UnitFields.name.optional(),
                shortName: UnitFields.shortName,
                group: UnitFields.group.optional(),
                website: UnitFields.website,
                email: UnitFields.email,
              }),
            )
            .max(50)
            .optional(),
        }),
        response: { 201: z.object({ event: EventView }), ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ event: await service.recordEvent(actorOf(req), req.body) }),
  );
}
