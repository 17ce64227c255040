/**
 * The contract of the province's indicators (/indicators…, Điều 3.1, 3.2 of the regulation):
 * every request and response shape, once. The web application imports the types from here.
 */
import { z } from 'zod';
import { TextSchema, Uuid } from '../../platform/schema.ts';

/* ───────────────────────── requests ───────────────────────── */

const IndicatorId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Mã chỉ số không hợp lệ')
  .max(60);

export const ProvinceQuery = z.object({
  /** The indicator shown in detail; the first of the set when absent. */
  indicator: IndicatorId.optional(),
  /** The year of the detail (spread, agencies below the threshold); the latest when absent. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** The threshold the user sets, in the indicator's unit; its default threshold when absent. */
  threshold: z.coerce.number().finite().min(-1e12).max(1e12).optional(),
});
export type ProvinceQuery = z.infer<typeof ProvinceQuery>;

export const AgencyParams = z.object({ agencyId: Uuid });
export type AgencyParams = z.infer<typeof AgencyParams>;

/* ───────────────────────── responses ───────────────────────── */

export const IndicatorDef = z.object({
  id: z.string(),
  label: TextSchema,
  unit: TextSchema,
  help: TextSchema.nullable(),
  aggregate: z.enum(['sum', 'mean', 'share']),
  /** How it combines, in words: "Tổng số máy có phần mềm diệt virus / tổng số máy tính". */
  howText: TextSchema,
  higherIsBetter: z.boolean(),
  groups: z.array(z.string()),
  threshold: z.number().nullable(),
});
export type IndicatorDef = z.infer<typeof IndicatorDef>;

export const AgencyFigure = z.object({
  agencyId: z.string(),
  code: z.string(),
  name: z.string(),
  group: z.string(),
  value: z.number(),
});
export type AgencyFigure = z.infer<typeof AgencyFigure>;

/** One scope (a group, or the province) in one year. Numbers are rounded half up to 0.01. */
export const ScopeView = z.object({
  value: z.number().nullable(),
  reporting: z.number(),
  median: z.number().nullable(),
  best: AgencyFigure.nullable(),
  weakest: AgencyFigure.nullable(),
  change: z.number().nullable(),
});
export type ScopeView = z.infer<typeof ScopeView>;

export const YearView = z.object({
  year: z.number(),
  province: ScopeView,
  groups: z.record(z.string(), ScopeView),
});
export type YearView = z.infer<typeof YearView>;

export const IndicatorSummary = z.object({
  indicator: IndicatorDef,
  /** The latest year's figures (with the change from the year before). */
  latest: YearView.nullable(),
});
export type IndicatorSummary = z.infer<typeof IndicatorSummary>;

export const PublishedYear = z.object({
  year: z.number(),
  cycleId: z.string(),
  revision: z.number(),
  publishedAt: z.string(),
  agencies: z.number(),
});
export type PublishedYear = z.infer<typeof PublishedYear>;

export const ProvinceView = z.object({
  /** The published cycles whose official values the page reads, oldest first. */
  years: z.array(PublishedYear),
  groups: z.array(z.object({ id: z.string(), name: TextSchema })),
  criteria: z.object({ setId: z.string(), version: z.string() }).nullable(),
  summary: z.array(IndicatorSummary),
  /** The chosen indicator over every year, with the agencies below the threshold in the chosen year. */
  detail: z
    .object({
      indicator: IndicatorDef,
      year: z.number(),
      threshold: z.number().nullable(),
      series: z.array(YearView),
      belowThreshold: z.array(AgencyFigure),
      agencies: z.array(AgencyFigure),
    })
    .nullable(),
});
export type ProvinceView = z.infer<typeof ProvinceView>;

/** An agency against its group over the years (peer comparison, Điều 3.2). */
export const PeerPoint = z.object({
  year: z.number(),
  value: z.number().nullable(),
  groupMedian: z.number().nullable(),
  groupBest: z.number().nullable(),
  group: z.string().nullable(),
  /** Whose figures the year is: the agency itself, or its former units (rename, merger). */
  asUnits: z.array(z.string()),
});
export type PeerPoint = z.infer<typeof PeerPoint>;

export const PeerView = z.object({
  agency: z.object({ id: z.string(), code: z.string(), name: z.string(), group: z.string() }),
  years: z.array(z.number()),
  indicators: z.array(z.object({ indicator: IndicatorDef, points: z.array(PeerPoint) })),
});
export type PeerView = z.infer<typeof PeerView>;

/* ───────────────────────── shortcomings (Điều 3.4) ───────────────────────── */

export const ShortcomingsQuery = z.object({
  /** The published year looked at (with the year before it); the latest when absent. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type ShortcomingsQuery = z.infer<typeof ShortcomingsQuery>;

export const LetterParams = z.object({ agencyId: Uuid });
export type LetterParams = z.infer<typeof LetterParams>;
export const LetterQuery = ShortcomingsQuery.extend({ format: z.enum(['docx', 'pdf']).default('docx') });
export type LetterQuery = z.infer<typeof LetterQuery>;

/** One indicator an agency stayed on the wrong side of its threshold for, both years. */
export const ShortfallItem = z.object({
  indicator: IndicatorDef,
  before: z.number(),
  now: z.number(),
  threshold: z.number(),
});
export type ShortfallItem = z.infer<typeof ShortfallItem>;

export const AgencyShortfalls = z.object({
  agencyId: z.string(),
  code: z.string(),
  name: z.string(),
  group: z.string(),
  items: z.array(ShortfallItem),
});
export type AgencyShortfalls = z.infer<typeof AgencyShortfalls>;

export const ShortcomingsView = z.object({
  /** The two years compared, or null when there are not two consecutive published years. */
  year: z.number().nullable(),
  previousYear: z.number().nullable(),
  /** Indicators that have a threshold in the criteria set (the only ones looked at). */
  indicators: z.array(IndicatorDef),
  agencies: z.array(AgencyShortfalls),
});
export type ShortcomingsView = z.infer<typeof ShortcomingsView>;
