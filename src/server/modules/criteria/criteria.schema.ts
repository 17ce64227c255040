/**
 * The contract of /criteria, the criteria versions (R13, R14): every request and response shape,
 * once. The routes validate and document with these schemas, the use cases (and criteria-diff.ts)
 * return their inferred types, and the web application imports the types from here.
 */
import { z } from 'zod';
import { Instant, TextSchema, Uuid } from '../../platform/schema.ts';

/* ───────────────────────── requests ───────────────────────── */

export const VersionParams = z.object({ id: Uuid });
export type VersionParams = z.infer<typeof VersionParams>;

export const CompareQuery = z.object({ from: Uuid, to: Uuid });
export type CompareQuery = z.infer<typeof CompareQuery>;

export const DryRunQuery = z.object({ cycleId: Uuid.describe('Kỳ đánh giá đã công bố để chấm thử') });
export type DryRunQuery = z.infer<typeof DryRunQuery>;

/* ───────────────────────── responses ───────────────────────── */

export const VersionView = z.object({
  id: z.string(),
  setId: z.string(),
  version: z.string(),
  title: z.string(),
  status: z.string(),
  hash: z.string(),
  loadedAt: Instant,
  inUse: z.boolean().describe('Có kỳ đánh giá dùng phiên bản này (khi đó nó thuộc hồ sơ của kỳ)'),
  cycleYears: z.array(z.number()),
  derivedFrom: z
    .object({ setId: z.string(), version: z.string() })
    .nullable()
    .describe('Phiên bản mà phiên bản này sửa đổi (trường derivedFrom của bộ tiêu chí)'),
});
export type VersionView = z.infer<typeof VersionView>;

/** A readable outline of a set: groups, categories with maxima, criteria with their maximum and flags. */
export const CriteriaSummary = z.object({
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
export type CriteriaSummary = z.infer<typeof CriteriaSummary>;

/** One attribute that differs: its value in the older version and in the newer one (null: absent). */
export const Change = z.object({ attribute: z.string(), from: z.unknown(), to: z.unknown() });
export type Change = z.infer<typeof Change>;

export const CriterionRef = z.object({
  id: z.string(),
  name: TextSchema,
  categoryId: z.string(),
  max: z.number(),
});
export type CriterionRef = z.infer<typeof CriterionRef>;
export const CategoryRef = z.object({ id: z.string(), name: TextSchema, max: z.number() });
export type CategoryRef = z.infer<typeof CategoryRef>;
export const FieldRef = z.object({ key: z.string(), label: TextSchema, type: z.string() });
export type FieldRef = z.infer<typeof FieldRef>;
export const ValidationRef = z.object({ id: z.string(), severity: z.string(), message: TextSchema });
export type ValidationRef = z.infer<typeof ValidationRef>;

const Changes = { changes: z.array(Change) };

export const GroupDiff = z.object({
  id: z.string(),
  name: TextSchema,
  status: z
    .enum(['added', 'removed', 'changed', 'unchanged'])
    .describe('added / removed: cả nhóm mới hoặc bị bỏ; changed: có gì đó bên trong khác'),
  changes: z.array(Change),
  categories: z.object({
    added: z.array(CategoryRef),
    removed: z.array(CategoryRef),
    maxChanged: z.array(z.object({ id: z.string(), name: TextSchema, from: z.number(), to: z.number() })),
    changed: z.array(z.object({ id: z.string(), name: TextSchema, ...Changes })),
  }),
  criteria: z.object({
    added: z.array(CriterionRef),
    removed: z.array(CriterionRef),
    changed: z.array(CriterionRef.extend(Changes)),
  }),
});
export type GroupDiff = z.infer<typeof GroupDiff>;

const ClassRef = z.object({ id: z.string(), label: TextSchema });

/** What changed from one version (older) to another (newer), as the administrator's screen renders it. */
export const CriteriaDiff = z.object({
  identical: z
    .boolean()
    .describe('Hai nội dung giống hệt (kể cả các đoạn mô tả, ghi chú mà các danh sách dưới đây bỏ qua)'),
  set: z.array(Change).describe('Tên, trạng thái, văn bản, tổng điểm tối đa'),
  classes: z.object({
    added: z.array(ClassRef),
    removed: z.array(ClassRef),
    changed: z.array(ClassRef.extend(Changes)),
  }),
  groups: z.array(GroupDiff),
  fields: z.object({
    added: z.array(FieldRef),
    removed: z.array(FieldRef),
    changed: z.array(FieldRef.extend(Changes)),
  }),
  validations: z.object({
    added: z.array(ValidationRef),
    removed: z.array(ValidationRef),
    changed: z.array(ValidationRef.extend(Changes)),
  }),
});
export type CriteriaDiff = z.infer<typeof CriteriaDiff>;

export const VersionList = z.object({ versions: z.array(VersionView) });
export type VersionList = z.infer<typeof VersionList>;

/** One link of a version's lineage: the version it derives from, then that one's, and so on. */
export const LineageLink = z.object({
  setId: z.string(),
  version: z.string(),
  /** The stored version, or null when that version was never loaded here. */
  versionId: z.string().nullable(),
  title: z.string().nullable(),
});
export type LineageLink = z.infer<typeof LineageLink>;

export const VersionRead = z.object({
  version: VersionView,
  content: z.unknown(),
  summary: CriteriaSummary,
  lineage: z.array(LineageLink).describe('Chuỗi phiên bản mà phiên bản này bắt nguồn từ, gần nhất trước'),
});
export type VersionRead = z.infer<typeof VersionRead>;

/** One problem the loader found in a criteria file, with where it is (the `details` of a 400 invalid_criteria). */
export const LoadProblem = z.object({ path: z.string(), message: z.string(), messageEn: z.string() });
export type LoadProblem = z.infer<typeof LoadProblem>;

/** A loaded file: a new version (201), or the same content already stored (200). */
export const LoadedNew = z.object({ created: z.literal(true), version: VersionView });
export const LoadedSame = z.object({ created: z.literal(false), version: VersionView });
export const Loaded = z.discriminatedUnion('created', [LoadedNew, LoadedSame]);
export type Loaded = z.infer<typeof Loaded>;

export const Comparison = z.object({ from: VersionView, to: VersionView, diff: CriteriaDiff });
export type Comparison = z.infer<typeof Comparison>;

/* ───────────────────────── dry run ───────────────────────── */

const Standing = z.object({ total: z.number(), rank: z.number(), class: z.string(), classLabel: TextSchema });

export const DryRunRow = z.object({
  code: z.string(),
  name: z.string(),
  old: Standing.nullable().describe('Kết quả đã công bố (null: không xếp hạng)'),
  new: Standing.nullable().describe('Kết quả khi chấm bằng bộ tiêu chí mới (null: không xếp hạng)'),
  notRanked: z.string().nullable().describe('Lý do không xếp hạng (late, missing)'),
  /** Places gained (positive) or lost (negative); null when one side is not ranked. */
  move: z.number().nullable(),
  classChanged: z.boolean(),
});
export type DryRunRow = z.infer<typeof DryRunRow>;

export const MissingField = z.object({
  key: z.string(),
  label: TextSchema,
  source: z.string(),
  required: z.boolean(),
  /** Not a field of the set the year was published with. */
  isNew: z.boolean(),
  agencies: z.number().describe('Số cơ quan đã nộp phiếu không có số liệu này'),
  codes: z.array(z.string()),
  treatment: TextSchema,
});

export const DroppedData = z.object({
  kind: z.enum(['unknown_field', 'invalid_value', 'claim']),
  key: z.string(),
  label: TextSchema,
  agencies: z.number(),
  codes: z.array(z.string()),
  treatment: TextSchema,
});

export const DryRunRef = z.object({
  versionId: z.string(),
  setId: z.string(),
  version: z.string(),
  title: z.string(),
});

export const DryRun = z.object({
  cycle: z.object({ id: z.string(), year: z.number(), title: z.string(), revision: z.number() }),
  from: DryRunRef.describe('Bộ tiêu chí năm đó đã dùng khi công bố'),
  to: DryRunRef.describe('Bộ tiêu chí chấm thử'),
  lineage: z.array(LineageLink),
  cli: z.object({
    accepted: z.boolean().describe('chiso score --criteria MỚI nhận tệp số liệu của năm này không'),
    problemCount: z.number(),
    problems: z.array(
      z.object({ agency: z.string().nullable(), field: z.string().nullable(), message: TextSchema }),
    ),
  }),
  groups: z.array(
    z.object({
      id: z.string(),
      name: TextSchema,
      rows: z.array(DryRunRow),
    }),
  ),
  summary: z.object({
    up: z.number(),
    down: z.number(),
    same: z.number(),
    classChanged: z.number(),
  }),
  missingFields: z.array(MissingField),
  dropped: z.array(DroppedData),
});
export type DryRun = z.infer<typeof DryRun>;
