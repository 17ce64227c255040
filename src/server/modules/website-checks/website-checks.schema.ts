/**
 * The contract of the website checks (/agencies/:agencyId/website-checks…): every request and
 * response shape, once. The routes validate and document with these schemas, the use cases return
 * their inferred types, the review page embeds `WebsiteCheckView`, and the web application imports
 * the types from here.
 */
import { z } from 'zod';
import { Instant, Uuid } from '../../platform/schema.ts';

/* ───────────────────────── requests ───────────────────────── */

export const AgencyParams = z.object({ agencyId: Uuid });
export type AgencyParams = z.infer<typeof AgencyParams>;
export const CheckParams = AgencyParams.extend({ checkId: Uuid });
export type CheckParams = z.infer<typeof CheckParams>;

export const ChecksQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export type ChecksQuery = z.infer<typeof ChecksQuery>;

export const RecordCheckBody = z.object({
  checkedAt: z.string().min(1).max(40).describe('Thời điểm kiểm tra, có múi giờ: 2017-09-15T09:00:00+07:00'),
  values: z.record(z.string(), z.unknown()).describe('Các mục kiểm tra: mã trường → giá trị'),
  note: z.string().max(2000).nullable().optional(),
});
export type RecordCheckBody = z.infer<typeof RecordCheckBody>;

export const RemoveCheckBody = z.object({ reason: z.string().max(1000).optional() }).nullish();
export type RemoveCheckBody = z.infer<typeof RemoveCheckBody>;

/* ───────────────────────── responses ───────────────────────── */

export const WebsiteCheckView = z.object({
  id: z.string(),
  agencyId: z.string(),
  checkedAt: Instant,
  values: z.record(z.string(), z.unknown()),
  source: z.enum(['manual', 'crawler']),
  note: z.string().nullable(),
  checkedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: Instant,
});
export type WebsiteCheckView = z.infer<typeof WebsiteCheckView>;

export const ChecksList = z.object({ checks: z.array(WebsiteCheckView) });
export type ChecksList = z.infer<typeof ChecksList>;

export const RecordCheckResult = z.object({ check: WebsiteCheckView });
export type RecordCheckResult = z.infer<typeof RecordCheckResult>;
