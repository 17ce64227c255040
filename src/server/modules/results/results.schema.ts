/**
 * The contract of the Steering Committee's decisions and the results (/cycles/:id/approve ·
 * return · publish · revise, /cycles/:id/results…): every request and response shape, once. The
 * routes validate and document with these schemas, the use cases return their inferred types, the
 * published document (snapshot.ts) is typed by them, and the web application imports the types.
 */
import { z } from 'zod';
import type { NotRankedReason as CoreNotRankedReason } from '../../../core/ranking/rank.ts';
import { CYCLE_STATES } from '../../db/schema.ts';
import { Instant, TextSchema as Text, Uuid } from '../../platform/schema.ts';
import { Comparison } from '../review/review.schema.ts';

/* ───────────────────────── requests ───────────────────────── */

export const CycleParams = z.object({ id: Uuid });
export type CycleParams = z.infer<typeof CycleParams>;
export const RevisionParams = z.object({ id: Uuid, n: z.coerce.number().int().min(1) });
export type RevisionParams = z.infer<typeof RevisionParams>;
export const AgencyParams = z.object({ id: Uuid, agencyId: Uuid });
export type AgencyParams = z.infer<typeof AgencyParams>;

/** ?preview=true: the staff's live ranking of a cycle under review or approved, instead of the published one. */
export const PreviewQuery = z.object({
  preview: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type PreviewQuery = z.infer<typeof PreviewQuery>;

/** ?revision=N: one published revision (the latest without it). */
export const RevisionQuery = z.object({ revision: z.coerce.number().int().min(1).optional() });
export type RevisionQuery = z.infer<typeof RevisionQuery>;
export const CsvQuery = RevisionQuery.extend({ group: z.string().max(50).optional() });
export type CsvQuery = z.infer<typeof CsvQuery>;

export const ApproveBody = z.object({ note: z.string().max(4000).optional() }).nullish();
export type ApproveBody = z.infer<typeof ApproveBody>;
/** The reason of a return, a revision, or a publication after the first (required there). */
export const ReasonBody = z.object({ reason: z.string().max(4000).optional() }).nullish();
export type ReasonBody = z.infer<typeof ReasonBody>;
/** The decision that publishes a revision, as printed on every document (Decree 30/2020/NĐ-CP). */
export const PublicationDecision = z.object({
  number: z.string().trim().min(1).max(60).describe('số quyết định, ví dụ "125/QĐ-UBND"'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .describe('ngày ký quyết định (yyyy-mm-dd)'),
  signerName: z.string().trim().min(1).max(120).describe('họ tên người ký'),
  signerTitle: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .describe('chức vụ người ký, ví dụ "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"'),
});
export type PublicationDecision = z.infer<typeof PublicationDecision>;

/** A publication: its reason (from the second on), its decision, and why publish before the appeals are done. */
export const PublishBody = z
  .object({
    reason: z.string().max(4000).optional(),
    appealOverride: z.string().max(4000).optional(),
    decision: PublicationDecision.optional().describe(
      'quyết định công bố (số, ngày, người ký); giao diện web luôn hỏi, thiếu thì văn bản để trống số',
    ),
  })
  .nullish();
export type PublishBody = z.infer<typeof PublishBody>;

/* ───────────────────────── the published document ───────────────────────── */

const Points = z.number().describe('điểm, tối đa 2 chữ số thập phân');
const Values = z.record(z.string(), z.unknown());

/** Why an agency is not ranked (R9). */
export const NotRankedReason = z.enum(['late', 'missing'] as const satisfies readonly CoreNotRankedReason[]);
export type NotRankedReason = z.infer<typeof NotRankedReason>;

export const RankingRow = z.object({
  agencyId: z.string(),
  code: z.string(),
  name: z.string(),
  rank: z.number(),
  total: Points,
  class: z.string(),
  classLabel: Text,
  categories: z.array(z.object({ id: z.string(), points: Points, max: Points })),
  /** Criterion id → points. */
  criteria: z.record(z.string(), Points),
  /** The agency's self-score (interchange.md); absent in revisions published before it was kept. */
  selfTotal: Points.optional(),
});
export type RankingRow = z.infer<typeof RankingRow>;

export const NotRankedRow = z.object({
  agencyId: z.string(),
  code: z.string(),
  name: z.string(),
  reason: NotRankedReason,
  reasonLabel: Text,
  /** The self-score of an agency that submitted late; absent when it did not submit. */
  selfTotal: Points.optional(),
});
export type NotRankedRow = z.infer<typeof NotRankedRow>;

/** One group: its categories with their maxima, the ranking, and the agencies not ranked. */
export const ResultGroup = z.object({
  id: z.string(),
  name: Text,
  /** Each category with its maximum in this group. */
  categories: z.array(z.object({ id: z.string(), name: Text, max: Points })),
  ranking: z.array(RankingRow),
  notRanked: z.array(NotRankedRow),
});
export type ResultGroup = z.infer<typeof ResultGroup>;

/** The identity of the criteria version a result was scored with. */
export const CriteriaRef = z.object({
  id: z.string(),
  setId: z.string(),
  version: z.string(),
  title: z.string(),
  hash: z.string(),
});
export type CriteriaRef = z.infer<typeof CriteriaRef>;

export const ClassBand = z.object({ id: z.string(), label: Text, min: z.number() });
export type ClassBand = z.infer<typeof ClassBand>;

/** The data an agency was scored on: enough for `chiso score` to give the same ranking. */
export const SnapshotAgency = z.object({
  agencyId: z.string(),
  code: z.string(),
  name: z.string(),
  group: z.string(),
  /** The submission instant, or null when the agency did not submit. */
  submittedAt: Instant.nullable(),
  /** The verified values (the agency's with the department's corrections); {} when nothing was submitted. */
  values: Values,
  /** Criteria whose "not applicable" claim the assessor confirmed (R4). */
  notApplicable: z.array(z.string()),
  /** The department's website checks of the year (R5). */
  websiteChecks: z.array(z.object({ checkedAt: Instant.nullable(), values: Values })),
});
export type SnapshotAgency = z.infer<typeof SnapshotAgency>;

/** The format of the published document, recorded in it. */
export const SNAPSHOT_FORMAT = 'chiso.published/1';

/** A publication, frozen (R10, R11, R15, R20): what every reader reads, hashed as it is stored. */
export const SnapshotContent = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  revision: z.number(),
  reason: z.string().nullable(),
  publishedAt: Instant,
  cycle: z.object({
    id: z.string(),
    year: z.number(),
    title: z.string(),
    guidanceBy: Instant,
    deadline: Instant,
    publishBy: Instant,
    openedAt: Instant.nullable(),
    closedAt: Instant.nullable(),
    approvedAt: Instant.nullable(),
    approvalNote: z.string().nullable(),
  }),
  criteria: CriteriaRef,
  classes: z.array(ClassBand),
  groups: z.array(ResultGroup),
  agencies: z.array(SnapshotAgency),
});
export type SnapshotContent = z.infer<typeof SnapshotContent>;

/* ───────────────────────── responses ───────────────────────── */

/** The cycle after a decision of the Steering Committee. */
export const CycleStateView = z.object({
  id: z.string(),
  year: z.number(),
  title: z.string(),
  state: z.enum(CYCLE_STATES),
  stateLabel: Text,
  version: z.number(),
  approvedAt: Instant.nullable(),
  approvedBy: z.string().nullable(),
  approvalNote: z.string().nullable(),
  publishedAt: Instant.nullable(),
});
export type CycleStateView = z.infer<typeof CycleStateView>;

/** A publication as the list of revisions shows it. */
export const RevisionSummary = z.object({
  number: z.number(),
  reason: z.string().nullable(),
  publishedAt: Instant,
  publishedBy: z.string().nullable(),
  contentHash: z.string(),
  decision: PublicationDecision.nullable().describe('quyết định công bố lần này; null nếu chưa nhập'),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;

/** A publication read with its document: its hash checked again. */
export const RevisionMeta = RevisionSummary.extend({
  verified: z.boolean().describe('nội dung lưu trữ vẫn khớp mã băm đã ghi'),
});
export type RevisionMeta = z.infer<typeof RevisionMeta>;

export const CycleDecision = z.object({ cycle: CycleStateView });
export type CycleDecision = z.infer<typeof CycleDecision>;
export const PublishResult = z.object({ cycle: CycleStateView, revision: RevisionMeta });
export type PublishResult = z.infer<typeof PublishResult>;

/** A unit whose years an agency inherits through renames, mergers and splits (agencies/lineage.ts). */
export const Predecessor = z.object({
  agencyId: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['rename', 'merge', 'split']),
  effectiveDate: z.string(),
  label: Text.describe(
    'Nhãn đặt cạnh mỗi năm của đơn vị tiền thân, ví dụ "Sở X (đã sáp nhập vào Sở Y từ 01/01/2019)"',
  ),
});
export type Predecessor = z.infer<typeof Predecessor>;

export const ResultsView = z.object({
  cycle: z.object({
    id: z.string(),
    year: z.number(),
    title: z.string(),
    state: z.enum(CYCLE_STATES),
    stateLabel: Text,
  }),
  preview: z.boolean().describe('true: xếp hạng trực tiếp trên số liệu thẩm định hiện tại, chưa công bố'),
  revision: RevisionMeta.nullable(),
  criteria: CriteriaRef,
  classes: z.array(ClassBand),
  groups: z.array(ResultGroup),
  lineage: z
    .record(z.string(), z.array(Predecessor))
    .describe(
      'Theo mã định danh cơ quan: các đơn vị tiền thân (đổi tên, sáp nhập, chia tách), gần nhất trước',
    ),
});
export type ResultsView = z.infer<typeof ResultsView>;

export const RevisionList = z.object({ revisions: z.array(RevisionSummary) });
export type RevisionList = z.infer<typeof RevisionList>;
export const RevisionDocument = z.object({ revision: RevisionMeta, content: SnapshotContent });
export type RevisionDocument = z.infer<typeof RevisionDocument>;

/** Where an agency stands in its group: ranked with its class, or not ranked and why. */
const Standing = {
  ranked: z.boolean(),
  rank: z.number().nullable(),
  rankedInGroup: z.number(),
  total: Points.nullable(),
  class: z.string().nullable(),
  classLabel: Text.nullable(),
  notRankedReason: NotRankedReason.nullable(),
  notRankedLabel: Text.nullable(),
};

export const CategoryStanding = z.object({
  id: z.string(),
  name: Text,
  max: Points,
  points: Points.nullable(),
  groupAverage: Points.nullable(),
});
export type CategoryStanding = z.infer<typeof CategoryStanding>;

/** A criterion the department marks itself (the data quality, 4.8), shown to the agency with its note. */
export const ReviewerMark = z.object({
  criterionId: z.string(),
  name: Text,
  points: Points.nullable().describe('Điểm Sở TT&TT chấm (null: cơ quan không được xếp hạng)'),
  max: Points,
  note: z.string().nullable().describe('Nhận xét của Sở TT&TT khi chấm'),
});
export type ReviewerMark = z.infer<typeof ReviewerMark>;

export const Loss = z.object({
  criterionId: z.string(),
  name: Text,
  categoryId: z.string(),
  points: Points,
  max: Points,
  lost: Points,
  explanation: Text,
});
export type Loss = z.infer<typeof Loss>;

export const PreviousYear = z.object({
  year: z.number(),
  cycleId: z.string(),
  revision: z.number(),
  ...Standing,
  change: Points.nullable(),
  via: Text.nullable().describe(
    'Năm trước thuộc một đơn vị tiền thân: nhãn của đơn vị đó; null: chính cơ quan',
  ),
});
export type PreviousYear = z.infer<typeof PreviousYear>;

/** One agency at a glance for its leader (R19). */
export const AgencyView = z.object({
  cycle: z.object({ id: z.string(), year: z.number(), title: z.string(), state: z.enum(CYCLE_STATES) }),
  preview: z.boolean(),
  revision: RevisionMeta.nullable(),
  agency: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    group: z.string(),
    groupName: Text,
  }),
  ...Standing,
  categories: z.array(CategoryStanding),
  selfTotal: Points.nullable().describe(
    'Điểm tự chấm của cơ quan (spec/interchange.md), bên cạnh điểm chính thức',
  ),
  comparison: Comparison.nullable().describe(
    'Tự chấm và chính thức theo từng tiêu chí, với lý do mỗi chênh lệch (cơ quan đã nộp phiếu)',
  ),
  biggestLosses: z.array(Loss),
  dataQuality: z
    .array(ReviewerMark)
    .describe('Các tiêu chí do Sở TT&TT chấm khi thẩm định (chất lượng số liệu), với điểm và nhận xét'),
  previousYear: PreviousYear.nullable(),
  lineage: z
    .array(Predecessor)
    .describe('Các đơn vị tiền thân mà lịch sử của cơ quan bao gồm, gần nhất trước'),
  simulation: z
    .object({
      criteriaVersionId: z.string(),
      values: Values,
      notApplicable: z.array(z.string()),
      websiteChecks: z.array(z.object({ checkedAt: Instant.nullable(), values: Values })),
    })
    .nullable()
    .describe(
      'Số liệu đã đóng băng của cơ quan (đã thẩm định), để trình duyệt thử giả định bằng cùng lõi chấm điểm; null khi cơ quan không được xếp hạng',
    ),
});
export type AgencyView = z.infer<typeof AgencyView>;
