/**
 * /criteria: criteria versions (R13, R14): list, read, load a new one, compare two. Each route:
 * who may call it, its contract (criteria.schema.ts), one use case.
 */
import { z } from 'zod';
import { AppError, toBody } from '../../platform/errors.ts';
import { type App, type AppDeps, callerOf } from '../../platform/http.ts';
import { ErrorSchema, errorResponses } from '../../platform/schema.ts';
import { compareVersions } from './compare-versions.ts';
import { criteriaAccess as access } from './criteria.policy.ts';
import {
  CompareQuery,
  Comparison,
  DryRun,
  DryRunQuery,
  LoadedNew,
  LoadedSame,
  VersionList,
  VersionParams,
  VersionRead,
} from './criteria.schema.ts';
import { dryRun } from './dry-run.ts';
import { loadCriteriaVersion } from './load-criteria-version.ts';
import { listVersions, readVersion } from './read-criteria.ts';

/** A criteria file is at most this large. */
const CRITERIA_MAX_BYTES = 2 * 1024 * 1024;

const tags = ['criteria'];

export function criteriaRoutes(app: App, deps: AppDeps) {
  app.get(
    '/criteria',
    {
      config: { access: access.list },
      schema: {
        tags,
        summary: 'Các phiên bản bộ tiêu chí đã nạp',
        response: { 200: VersionList, ...errorResponses },
      },
    },
    async (req) => listVersions(deps, callerOf(req)),
  );

  app.get(
    '/criteria/compare',
    {
      config: { access: access.compare },
      schema: {
        tags,
        summary:
          'So sánh hai phiên bản bộ tiêu chí: tiêu chí, hạng mục, trường số liệu, quy tắc kiểm tra thêm/bớt/thay đổi',
        querystring: CompareQuery,
        response: { 200: Comparison, ...errorResponses },
      },
    },
    async (req) => compareVersions(deps, callerOf(req), req.query),
  );

  app.get(
    '/criteria/:id/dry-run',
    {
      config: { access: access.dryRun },
      schema: {
        tags,
        summary:
          'Chấm thử một năm đã công bố bằng phiên bản bộ tiêu chí này, không thay đổi gì: điểm, hạng, xếp loại cũ và mới, cơ quan thay đổi hạng, số liệu năm cũ còn thiếu (như chiso score --criteria)',
        params: VersionParams,
        querystring: DryRunQuery,
        response: { 200: DryRun, ...errorResponses },
      },
    },
    async (req) => dryRun(deps, callerOf(req), { ...req.params, ...req.query }),
  );

  app.get(
    '/criteria/:id',
    {
      config: { access: access.get },
      schema: {
        tags,
        summary:
          'Một phiên bản bộ tiêu chí: nội dung đầy đủ và bản tóm tắt (nhóm, hạng mục, tiêu chí, điểm tối đa)',
        params: VersionParams,
        response: { 200: VersionRead, ...errorResponses },
      },
    },
    async (req) => readVersion(deps, callerOf(req), req.params),
  );

  app.post(
    '/criteria',
    {
      config: { access: access.load },
      bodyLimit: CRITERIA_MAX_BYTES,
      // A criteria file over the limit is named as such, not as an upload over the upload limit.
      errorHandler: (error, _req, reply) => {
        if ((error as { statusCode?: number }).statusCode === 413)
          return reply.status(413).send(
            toBody(
              new AppError(413, 'too_large', {
                vi: `Tệp bộ tiêu chí quá lớn (tối đa ${CRITERIA_MAX_BYTES / 1048576} MB)`,
                en: `The criteria file is too large (at most ${CRITERIA_MAX_BYTES / 1048576} MB)`,
              }),
            ),
          );
        throw error;
      },
      schema: {
        tags,
        summary:
          'Nạp phiên bản bộ tiêu chí mới: thân yêu cầu là chính tệp JSON bộ tiêu chí (chiso.criteria/1, tối đa 2 MB). Cùng nội dung: trả về phiên bản đã có (200)',
        body: z.unknown(),
        response: {
          200: LoadedSame,
          201: LoadedNew,
          ...errorResponses,
          413: ErrorSchema,
        },
      },
    },
    async (req, reply) => {
      const loaded = await loadCriteriaVersion(deps, callerOf(req), req.body);
      return reply.status(loaded.created ? 201 : 200).send(loaded);
    },
  );
}
