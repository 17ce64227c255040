/**
 * /agencies: the registry of evaluated units and its history (R1). Each route: who may call it,
 * its contract (agencies.schema.ts), one use case.
 */
import { type App, type AppDeps, callerOf } from '../../platform/http.ts';
import { errorResponses } from '../../platform/schema.ts';
import { addAgency } from './add-agency.ts';
import { agenciesAccess as access } from './agencies.policy.ts';
import {
  AddAgencyBody,
  AgencyAnswer,
  AgencyHistory,
  AgencyParams,
  EditAgencyBody,
  EventAnswer,
  EventList,
  RecordChangeBody,
  Registry,
  RegistryQuery,
} from './agencies.schema.ts';
import { editAgency } from './edit-agency.ts';
import { readAgency, readChanges, readRegistry } from './read-agencies.ts';
import { recordChange } from './record-change.ts';

const tags = ['agencies'];

export function agenciesRoutes(app: App, deps: AppDeps) {
  app.get(
    '/agencies',
    {
      config: { access: access.list },
      schema: {
        tags,
        summary: 'Danh sách cơ quan có hiệu lực vào một ngày (mặc định hôm nay), hoặc cả lịch sử (all=true)',
        querystring: RegistryQuery,
        response: { 200: Registry, ...errorResponses },
      },
    },
    async (req) => readRegistry(deps, callerOf(req), req.query),
  );

  app.get(
    '/agencies/events',
    {
      config: { access: access.events },
      schema: {
        tags,
        summary: 'Các thay đổi gần đây của danh sách cơ quan (đổi tên, hợp nhất, chia tách, giải thể)',
        response: { 200: EventList, ...errorResponses },
      },
    },
    async (req) => readChanges(deps, callerOf(req)),
  );

  app.get(
    '/agencies/:id',
    {
      config: { access: access.get },
      schema: {
        tags,
        summary: 'Một cơ quan và lịch sử thay đổi của nó',
        params: AgencyParams,
        response: { 200: AgencyHistory, ...errorResponses },
      },
    },
    async (req) => readAgency(deps, callerOf(req), req.params),
  );

  app.post(
    '/agencies',
    {
      config: { access: access.create },
      schema: {
        tags,
        summary: 'Thêm cơ quan',
        body: AddAgencyBody,
        response: { 201: AgencyAnswer, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await addAgency(deps, callerOf(req), req.body)),
  );

  app.patch(
    '/agencies/:id',
    {
      config: { access: access.update },
      schema: {
        tags,
        summary:
          'Sửa thông tin cơ quan (tên, tên viết tắt, trang TTĐT, thư điện tử); đổi tên chính thức là một thay đổi (POST /agencies/events)',
        params: AgencyParams,
        body: EditAgencyBody,
        response: { 200: AgencyAnswer, ...errorResponses },
      },
    },
    async (req) => editAgency(deps, callerOf(req), { ...req.params, ...req.body }),
  );

  app.post(
    '/agencies/events',
    {
      config: { access: access.recordEvent },
      schema: {
        tags,
        summary:
          'Ghi nhận đổi tên, hợp nhất/sáp nhập, chia tách hoặc giải thể: kết thúc đơn vị cũ ngày trước ngày hiệu lực, tạo đơn vị mới từ ngày hiệu lực',
        body: RecordChangeBody,
        response: { 201: EventAnswer, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await recordChange(deps, callerOf(req), req.body)),
  );
}
