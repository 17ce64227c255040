/**
 * The contract of the planned field surveys (issue 14 item 4; Điều 10.2, R17): every request and
 * response shape, once. The routes validate and document with these schemas, the use cases return
 * their inferred types, and the web application imports the types from here.
 */
import { z } from 'zod';
import { CLAIM_OUTCOMES, SURVEY_PLAN_STATUSES } from '../../db/schema.ts';
import { Instant, TextSchema, Uuid } from '../../platform/schema.ts';

const FieldKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'Khóa trường số liệu không hợp lệ')
  .max(80);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
const JsonValue = z.union([z.boolean(), z.number(), z.string().max(5000), z.null()]);

export const CycleParams = z.object({ cycleId: Uuid });
export type CycleParams = z.infer<typeof CycleParams>;
export const AgencyParams = z.object({ cycleId: Uuid, agencyId: Uuid });
export type AgencyParams = z.infer<typeof AgencyParams>;
export const PlanParams = z.object({ cycleId: Uuid, planId: Uuid });
export type PlanParams = z.infer<typeof PlanParams>;

export const PlansQuery = z.object({ agencyId: Uuid.optional() });
export type PlansQuery = z.infer<typeof PlansQuery>;

/**
 * The risk rules of the proposals, which the assessor may tighten or loosen for a visit: a
 * self-versus-official gap counts from `gap` % of the criterion's maximum (and at least one
 * point), a change from last year's official value from `jump` %.
 */
export const ProposalsQuery = z.object({
  gap: z.coerce.number().int().min(5).max(100).default(25).describe('phần trăm điểm tối đa của tiêu chí'),
  jump: z.coerce.number().int().min(10).max(1000).default(50).describe('phần trăm thay đổi so với năm trước'),
});
export type ProposalsQuery = z.infer<typeof ProposalsQuery>;

export const PlanBody = z.object({
  visitDate: IsoDate,
  team: z.string().max(500),
  purpose: z.string().max(2000),
  claims: z
    .array(z.object({ fieldKey: FieldKey, why: z.string().max(1000) }))
    .max(40)
    .describe('các số liệu cần xác minh, mỗi số liệu kèm lý do chọn'),
});
export type PlanBody = z.infer<typeof PlanBody>;

export const ReplyBody = z.discriminatedUnion('accept', [
  z.object({ accept: z.literal(true) }),
  z.object({ accept: z.literal(false), proposedDate: IsoDate, reason: z.string().max(1000) }),
]);
export type ReplyBody = z.infer<typeof ReplyBody>;

export const FindingsBody = z.object({
  claims: z
    .array(z.object({ fieldKey: FieldKey, outcome: z.enum(CLAIM_OUTCOMES), observed: JsonValue.optional() }))
    .max(40),
  note: z.string().max(4000).optional(),
});
export type FindingsBody = z.infer<typeof FindingsBody>;

/* ───────────────────────── responses ───────────────────────── */

export const ProposedClaim = z.object({
  fieldKey: z.string(),
  label: TextSchema,
  /** The official value now, as people read it. */
  currentShown: TextSchema,
  /** Why the system proposes it (gap, logic or cross-source warning, jump from last year). */
  reasons: z.array(z.object({ kind: z.enum(['gap', 'warning', 'jump']), text: z.string() })),
});
export type ProposedClaim = z.infer<typeof ProposedClaim>;
export const Proposals = z.object({
  /** The rules the claims were proposed by (the defaults when the assessor set none). */
  rules: z.object({ gap: z.number(), jump: z.number() }),
  claims: z.array(ProposedClaim),
});
export type Proposals = z.infer<typeof Proposals>;

export const PlanClaimView = z.object({
  fieldKey: z.string(),
  label: TextSchema,
  why: z.string(),
  type: z.string(),
  unit: TextSchema.nullable(),
  options: z.array(z.object({ value: z.string(), label: TextSchema })).nullable(),
  /** The official value now (what a correction changes), raw and as people read it. */
  current: z.unknown(),
  currentShown: TextSchema,
  outcome: z.enum(CLAIM_OUTCOMES).nullable(),
  observed: z.unknown(),
  observedShown: TextSchema.nullable(),
  /** A differing value not yet taken into the official data by a correction citing the survey. */
  toCorrect: z.boolean(),
});
export type PlanClaimView = z.infer<typeof PlanClaimView>;

export const PlanView = z.object({
  id: z.string(),
  cycle: z.object({ id: z.string(), year: z.number() }),
  agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  visitDate: z.string(),
  team: z.string(),
  purpose: z.string(),
  status: z.enum(SURVEY_PLAN_STATUSES),
  statusLabel: TextSchema,
  replyNote: z.string().nullable(),
  proposedDate: z.string().nullable(),
  repliedBy: z.string().nullable(),
  repliedAt: Instant.nullable(),
  surveyId: z.string().nullable(),
  /** The visit's day has come and the findings are not recorded yet. */
  due: z.boolean(),
  createdBy: z.string().nullable(),
  claims: z.array(PlanClaimView),
});
export type PlanView = z.infer<typeof PlanView>;

export const PlansView = z.object({
  cycle: z.object({ id: z.string(), year: z.number() }),
  plans: z.array(PlanView),
  canPlan: z.boolean(),
  canReply: z.boolean(),
});
export type PlansView = z.infer<typeof PlansView>;

export const FindingsResult = z.object({
  plan: PlanView,
  surveyId: z.string(),
});
export type FindingsResult = z.infer<typeof FindingsResult>;
