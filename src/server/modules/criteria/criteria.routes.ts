/** /criteria: criteria versions (R13, R14): list, read, load a new one, compare two. */
import { z } from 'zod';
import { AppError, toBody } from '../../platform/errors.ts';
import {
  type App,
  type AppDeps,
  actorOf,
  ErrorSchema,
  errorResponses,
  Instant,
  Uuid,
} from '../../platform/http.ts';
import { criteriaPolicy } from './criteria.policy.ts';
import { criteriaService } from './criteria.service.ts';

/** A criteria file is at most this large. */
export const CRITERIA_MAX_BYTES = 2 * 1024 * 1024;

const TextSchema = z.object({ vi: z.string(), en: z.string().optional() });

const VersionView = z.object({
  id: z.string(),
  setId: z.string(),
  version: z.string(),
  title: z.string(),
  status: z.string(),
  hash: z.string(),
  loadedAt: Instant,
  inUse: z.boolean(),
  cycleYears: z.array(z.number()),
});

const Summary = z.object({
  setId: z.string(),
  version: z.string(),
  title: TextSchema,
  status: z.string(),
  decision: z.string().nullable(),
  totalMax: z.number(),
  classes: z.array(
    z.object({ id: z.string(), label: TextSchema, min: z.number(), below: z.number().nullable() }),
  ),
  groups: z.array(
    z.object({
      id: z.string(),
      name: TextSchema,
      appendix: z.string().nullable(),
      max: z.number(),
      criteriaCount: z.number(),
      categories: z.array(
        z.object({
          id: z.string(),
          name: TextSchema,
          max: z.number(),
          gate: z.string().nullable(),
          criteria: z.array(
            z.object({
              id: z.string(),
              name: TextSchema,
              max: z.number(),
              naAllowed: z.boolean(),
              naWhen: TextSchema.nullable(),
              monitored: z.boolean(),
            }),
          ),
        }),
      ),
    }),
  ),
  fieldCount: z.number(),
  validationCount: z.number(),
});

const Change = z.object({ attribute: z.string(), from: z.unknown(), to: z.unknown() });
const Added = <T extends z.ZodRawShape>(shape: T) => z.array(z.object(shape));
const CriterionRef = { id: z.string(), name: TextSchema, categoryId: z.string(), max: z.number() };
const CategoryRef = { id: z.string(), name: TextSchema, max: z.number() };
const FieldRef = { key: z.string(), label: TextSchema, type: z.string() };
const ValidationRef = { id: z.string(), severity: z.string(), message: TextSchema };

const Diff = z.object({
  identical: z.boolean(),
  set: z.array(Change),
  classes: z.object({
    added: Added({ id: z.string(), label: TextSchema }),
    removed: Added({ id: z.string(), label: TextSchema }),
    changed: Added({ id: z.string(), label: TextSchema, changes: z.array(Change) }),
  }),
  groups: z.array(
    z.object({
      id: z.string(),
      name: TextSchema,
      status: z.enum(['added', 'removed', 'changed', 'unchanged']),
      changes: z.array(Change),
      categories: z.object({
        added: Added(CategoryRef),
        removed: Added(CategoryRef),
        maxChanged: Added({ id: z.string(), name: TextSchema, from: z.number(), to: z.number() }),
        changed: Added({ id: z.string(), name: TextSchema, changes: z.array(Change) }),
      }),
      criteria: z.object({
        added: Added(CriterionRef),
        removed: Added(CriterionRef),
        changed: Added({ ...CriterionRef, changes: z.array(Change) }),
      }),
    }),
  ),
  fields: z.object({
    added: Added(FieldRef),
    removed: Added(FieldRef),
    changed: Added({ ...FieldRef, changes: z.array(Change) }),
  }),
  validations: z.object({
    added: Added(ValidationRef),
    removed: Added(ValidationRef),
    changed: Added({ ...ValidationRef, changes: z.array(Change) }),
  }),
});

export function criteriaRoutes(app: App, deps: AppDeps) {
  const service = criteriaService(deps.database.db, deps.clock);

  app.get(
    '/criteria',
    {
      config: { access: criteriaPolicy.list },
      schema: {
        tags: ['criteria'],
        summary: 'Các phiên bản bộ tiêu chí đã nạp',
        response: { 200: z.object({ versions: z.array(VersionView) }), ...errorResponses },
      },
    },
    async () => ({ versions: await service.list() }),
  );

  app.get(
    '/criteria/compare',
    {
      config: { access: criteriaPolicy.compare },
      schema: {
        tags: ['criteria'],
        summary:
          'So sánh hai phiên bản bộ tiêu chí: tiêu chí, hạng mục, trường số liệu, quy tắc kiểm tra thêm/bớt/thay đổi',
        querystring: z.object({ from: Uuid, to: Uuid }),
        response: { 200: z.object({ from: VersionView, to: VersionView, diff: Diff }), ...errorResponses },
      },
    },
    async (req) => service.compare(req.query.from, req.query.to),
  );

  app.get(
    '/criteria/:id',
    {
      config: { access: criteriaPolicy.get },
      schema: {
        tags: ['criteria'],
        summary:
          'Một phiên bản bộ tiêu chí: nội dung đầy đủ và bản tóm tắt (nhóm, hạng mục, tiêu chí, điểm tối đa)',
        params: z.object({ id: Uuid }),
        response: {
          200: z.object({ version: VersionView, content: z.unknown(), summary: Summary }),
          ...errorResponses,
        },
      },
    },
    async (req) => service.get(req.params.id),
  );

  app.post(
    '/criteria',
    {
      config: { access: criteriaPolicy.load },
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
        tags: ['criteria'],
        summary:
          'Nạp phiên bản bộ tiêu chí mới: thân yêu cầu là chính tệp JSON bộ tiêu chí (chiso.criteria/1, tối đa 2 MB). Cùng nội dung: trả về phiên bản đã có (200)',
        body: z.unknown(),
        response: {
          200: z.object({ created: z.literal(false), version: VersionView }),
          201: z.object({ created: z.literal(true), version: VersionView }),
          ...errorResponses,
          413: ErrorSchema,
        },
      },
    },
    async (req, reply) => {
      const { created, version } = await service.load(actorOf(req), req.body);
      return created
        ? reply.status(201).send({ created, version })
        : reply.status(200).send({ created, version });
    },
  );
}
