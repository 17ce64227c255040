/**
 * The contract of the website monitoring (R5, issue 10): an agency's monitored sites with their
 * history, the content snapshots an assessor confirms, the agency's own view of its results and the
 * department's overview. Every request and response shape, once: the routes validate and document
 * with these schemas, the use cases return their inferred types, the web application imports the
 * types from here.
 */
import { z } from 'zod';
import { SITE_KINDS, SNAPSHOT_STATES } from '../../db/schema.ts';
import { Instant, TextSchema, Uuid } from '../../platform/schema.ts';
import { CONTENT_EVERY } from './schedule-cadence.ts';

export const SiteKind = z.enum(SITE_KINDS);
export type SiteKind = z.infer<typeof SiteKind>;
export const SnapshotState = z.enum(SNAPSHOT_STATES);
export type SnapshotState = z.infer<typeof SnapshotState>;

/* ───────────────────────── requests ───────────────────────── */

const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');

export const AgencyParams = z.object({ agencyId: Uuid });
export type AgencyParams = z.infer<typeof AgencyParams>;
export const SiteParams = AgencyParams.extend({ kind: SiteKind });
export type SiteParams = z.infer<typeof SiteParams>;
export const SnapshotParams = z.object({ snapshotId: Uuid });
export type SnapshotParams = z.infer<typeof SnapshotParams>;
export const PageParams = SnapshotParams.extend({ pageId: z.coerce.number().int().min(1) });
export type PageParams = z.infer<typeof PageParams>;
export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export type YearQuery = z.infer<typeof YearQuery>;

/**
 * The administrator sets a site: a new address closes the current row on `validFrom` (today by
 * default) and starts another; `url: null` ends monitoring of that kind of site. Pins (field key →
 * a page of the site) tell the detector of that field where to look.
 */
export const SetSiteBody = z.object({
  url: z.string().max(300, 'Địa chỉ tối đa 300 ký tự').nullable(),
  validFrom: DateText.optional(),
  pins: z.record(z.string().max(80), z.string().max(500)).optional(),
});
export type SetSiteBody = z.infer<typeof SetSiteBody>;

/**
 * The administrator's schedules of the monitoring: the availability check every N minutes, the
 * content check every week, month or quarter (the ranges are checked by the use case, which says
 * in Vietnamese which one is wrong).
 */
export const SchedulesBody = z.object({
  availability: z.object({ everyMinutes: z.number().int(), enabled: z.boolean() }),
  content: z.object({
    every: z.enum(CONTENT_EVERY),
    day: z.number().int(),
    weekday: z.number().int(),
    hour: z.number().int(),
    enabled: z.boolean(),
  }),
});
export type SchedulesBody = z.infer<typeof SchedulesBody>;

/** Per monitoring field: the value the assessor keeps (the proposed one, or another with a reason). */
export const FieldDecision = z.object({
  value: z.union([z.boolean(), z.number(), z.null()]),
  reason: z.string().max(1000, 'Lý do tối đa 1000 ký tự').optional(),
});
export type FieldDecision = z.infer<typeof FieldDecision>;

export const ConfirmBody = z.object({
  fields: z.record(z.string().max(80), FieldDecision).describe('Mã trường → giá trị giữ lại'),
  note: z.string().max(2000).nullable().optional(),
});
export type ConfirmBody = z.infer<typeof ConfirmBody>;

/* ───────────────────────── responses ───────────────────────── */

export const SiteView = z.object({
  id: z.string(),
  agencyId: z.string(),
  kind: SiteKind,
  url: z.string(),
  /** The prefix the monitor stays inside. */
  scope: z.string(),
  pins: z.record(z.string(), z.string()),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type SiteView = z.infer<typeof SiteView>;

export const SitesAnswer = z.object({
  current: z.array(SiteView),
  history: z.array(SiteView),
  /** The monitoring fields of the agency's criteria: what a page may be pinned for. */
  fields: z.array(
    z.object({
      key: z.string(),
      name: TextSchema,
      type: z.string().describe('boolean, integer…: how a form asks it'),
    }),
  ),
});
export type SitesAnswer = z.infer<typeof SitesAnswer>;

export const Evidence = z.object({ url: z.string(), excerpt: z.string() });

export const FindingView = z.object({
  field: z.string(),
  /** The field's name in the criteria set. */
  name: TextSchema,
  /** The field's type in the criteria set (boolean, integer, number…): how a screen edits it. */
  type: z.string(),
  value: z.union([z.boolean(), z.number(), z.null()]),
  evidence: Evidence.nullable(),
  reason: TextSchema,
});
export type FindingView = z.infer<typeof FindingView>;

export const DecisionView = z.object({
  value: z.union([z.boolean(), z.number(), z.null()]),
  changed: z.boolean(),
  reason: z.string().nullable(),
});

export const PageView = z.object({
  id: z.number(),
  url: z.string(),
  depth: z.number(),
  status: z.number().nullable(),
  contentType: z.string().nullable(),
  bytes: z.number(),
  title: z.string().nullable(),
  stored: z.boolean(),
  failure: TextSchema.nullable(),
});

export const SnapshotSummary = z.object({
  id: z.string(),
  agencyId: z.string(),
  siteUrl: z.string(),
  state: SnapshotState,
  startedAt: Instant,
  finishedAt: Instant,
  stoppedBy: z.string().nullable(),
  failure: TextSchema.nullable(),
  /** Items found (value true or a positive number) out of the fields decided. */
  found: z.number(),
  fields: z.number(),
  confirmedAt: Instant.nullable(),
});
export type SnapshotSummary = z.infer<typeof SnapshotSummary>;

export const SnapshotDetail = SnapshotSummary.extend({
  agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  findings: z.array(FindingView),
  decisions: z.record(z.string(), DecisionView).nullable(),
  confirmedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  websiteCheckId: z.string().nullable(),
  pages: z.array(PageView),
});
export type SnapshotDetail = z.infer<typeof SnapshotDetail>;

export const SnapshotAnswer = z.object({ snapshot: SnapshotDetail });
export type SnapshotAnswer = z.infer<typeof SnapshotAnswer>;

export const ContentCheckQueued = z.object({ jobId: z.string().nullable(), siteUrl: z.string() });
export type ContentCheckQueued = z.infer<typeof ContentCheckQueued>;

/** Availability of a site over a month (Vietnam time). */
export const MonthAvailability = z.object({
  month: z.string().describe('YYYY-MM'),
  checks: z.number(),
  up: z.number(),
  uptime: z.number().nullable().describe('phần trăm, 0–100'),
  meanTtfbMs: z.number().nullable(),
});
export type MonthAvailability = z.infer<typeof MonthAvailability>;

/** One day of a site's availability: the points of the yearly chart. */
export const DayAvailability = z.object({
  day: z.string().describe('YYYY-MM-DD'),
  checks: z.number(),
  up: z.number(),
  meanTtfbMs: z.number().nullable(),
});
export type DayAvailability = z.infer<typeof DayAvailability>;

export const LastAvailability = z.object({
  checkedAt: Instant,
  ok: z.boolean(),
  status: z.number().nullable(),
  ttfbMs: z.number().nullable(),
  tlsDaysLeft: z.number().nullable(),
  finalUrl: z.string().nullable(),
  failure: TextSchema.nullable(),
});
export type LastAvailability = z.infer<typeof LastAvailability>;

/** The agency's own view of its site during a year: what to fix before the deadline. */
export const AgencyMonitoring = z.object({
  year: z.number(),
  agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  sites: z.array(SiteView),
  last: LastAvailability.nullable(),
  months: z.array(MonthAvailability),
  days: z.array(DayAvailability),
  snapshots: z.array(SnapshotSummary),
  /** The items the latest snapshot did not find, with why. */
  missing: z.array(FindingView),
  latest: SnapshotDetail.nullable(),
});
export type AgencyMonitoring = z.infer<typeof AgencyMonitoring>;

export const OverviewRow = z.object({
  agency: z.object({ id: z.string(), code: z.string(), name: z.string(), groupId: z.string() }),
  site: SiteView.nullable(),
  last: LastAvailability.nullable(),
  uptime: z.number().nullable().describe('phần trăm trong năm'),
  checks: z.number(),
  lastSnapshot: SnapshotSummary.nullable(),
  proposed: z.number().describe('ảnh chụp chờ xác nhận'),
});
export type OverviewRow = z.infer<typeof OverviewRow>;

export const Overview = z.object({ year: z.number(), rows: z.array(OverviewRow) });
export type Overview = z.infer<typeof Overview>;

const ScheduleState = z.object({
  /** The expression kept in the schedules table (minute hour day month weekday, Vietnam time). */
  cron: z.string(),
  enabled: z.boolean(),
  nextRunAt: Instant.nullable(),
  lastRunAt: Instant.nullable(),
  updatedAt: Instant.nullable(),
  updatedBy: z.string().nullable(),
  /** How the screen says it; the expression itself when it is not one of the screen's forms. */
  text: TextSchema,
});

export const SchedulesAnswer = z.object({
  availability: ScheduleState.extend({ everyMinutes: z.number().nullable() }),
  content: ScheduleState.extend({
    cadence: z
      .object({ every: z.enum(CONTENT_EVERY), day: z.number(), weekday: z.number(), hour: z.number() })
      .nullable(),
  }),
  /** The intervals the screen offers for the availability check, in minutes. */
  minuteChoices: z.array(z.number()),
});
export type SchedulesAnswer = z.infer<typeof SchedulesAnswer>;
