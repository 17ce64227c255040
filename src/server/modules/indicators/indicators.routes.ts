/**
 * /indicators…: the province's picture from the published years (Điều 3.1) and an agency's
 * comparison with its peers (Điều 3.2). Each route: who may call it, its contract, one use case.
 */
import type { App, AppDeps } from '../../platform/http.ts';
import { callerOf, sendDownload } from '../../platform/http.ts';
import { errorResponses } from '../../platform/schema.ts';
import { MIME } from '../documents/documents.schema.ts';
import { indicatorsAccess as access } from './indicators.policy.ts';
import {
  AgencyParams,
  LetterParams,
  LetterQuery,
  PeerView,
  ProvinceQuery,
  ProvinceView,
  ShortcomingsQuery,
  ShortcomingsView,
} from './indicators.schema.ts';
import { readPeers } from './read-peers.ts';
import { readProvince } from './read-province.ts';
import { readShortcomings } from './read-shortcomings.ts';
import { downloadShortcomingLetter } from './shortcoming-letter.ts';

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

  app.get(
    '/indicators/shortcomings',
    {
      config: { access: access.province },
      schema: {
        tags,
        summary:
          'Cơ quan có chỉ số chưa đạt mức yêu cầu hai năm liền (Điều 3.4), theo ngưỡng của bộ tiêu chí',
        querystring: ShortcomingsQuery,
        response: { 200: ShortcomingsView, ...errorResponses },
      },
    },
    async (req) => readShortcomings(deps, callerOf(req), req.query),
  );

  app.get(
    '/indicators/shortcomings/:agencyId/letter',
    {
      config: { access: access.province },
      schema: {
        tags,
        summary: 'Dự thảo công văn đề nghị một cơ quan khắc phục hạn chế hai năm liền, DOCX hoặc PDF',
        params: LetterParams,
        querystring: LetterQuery,
      },
    },
    async (req, reply) => {
      const f = await downloadShortcomingLetter(deps, callerOf(req), { ...req.params, ...req.query });
      return sendDownload(reply, f.bytes, f.filename, MIME[f.format]);
    },
  );
}
