/**
 * /indicators…: the province's picture from the published years (Điều 3.1) and an agency's
 * comparison with its peers (Điều 3.2). Each route: who may call it, its contract, one use case.
 */
import type { App, AppDeps } from '../../platform/http.ts';
import { callerOf } from '../../platform/http.ts';
import { errorResponses } from '../../platform/schema.ts';
import { indicatorsAccess as access } from './indicators.policy.ts';
import { AgencyParams, PeerView, ProvinceQuery, ProvinceView } from './indicators.schema.ts';
import { readPeers } from './read-peers.ts';
import { readProvince } from './read-province.ts';

const tags = ['indicators'];

export function indicatorsRoutes(app: App, deps: AppDeps) {
  app.get(
    '/indicators',
    {
      config: { access: access.province },
      schema: {
        tags,
        summary:
          'Tình hình ứng dụng CNTT toàn tỉnh: các chỉ số qua các năm đã công bố, theo nhóm, dưới ngưỡng',
        querystring: ProvinceQuery,
        response: { 200: ProvinceView, ...errorResponses },
      },
    },
    async (req) => readProvince(deps, callerOf(req), req.query),
  );

  app.get(
    '/indicators/agencies/:agencyId',
    {
      config: { access: access.agency },
      schema: {
        tags,
        summary: 'So sánh các chỉ số của một cơ quan với trung vị và mức tốt nhất của nhóm qua các năm',
        params: AgencyParams,
        response: { 200: PeerView, ...errorResponses },
      },
    },
    async (req) => readPeers(deps, callerOf(req), req.params),
  );
}
