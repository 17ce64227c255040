/**
 * The one database schema, for PGlite (embedded) and PostgreSQL 15+ (production). Instants are
 * timestamptz (UTC); identifiers are UUIDs so that URLs cannot be walked; every change after a
 * submission leaves a row in the append-only audit log (migrations add the trigger that forbids
 * UPDATE and DELETE on it).
 *
 * Migrations are generated from this file (`npm run db:generate`) into migrations/.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().defaultRandom();
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const now = (name: string) => at(name).notNull().defaultNow();

export const ROLES = ['admin', 'assessor', 'approver', 'reporter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const CYCLE_STATES = ['draft', 'open', 'closed', 'under_review', 'approved', 'published'] as const;
export type CycleState = (typeof CYCLE_STATES)[number];

/* ───────────────────────── agencies and their history (R1) ───────────────────────── */

/** One unit over one period; a rename, merge or split ends rows and starts new ones (agency_events). */
export const agencies = pgTable(
  'agencies',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    groupId: text('group_id').notNull(),
    website: text('website'),
    email: text('email'),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    createdAt: now('created_at'),
    updatedAt: now('updated_at'),
  },
  (t) => [
    uniqueIndex('agencies_code_key').on(t.code),
    check('agencies_valid_range', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

export const AGENCY_EVENT_KINDS = ['rename', 'merge', 'split', 'dissolve'] as const;

/** A change of the registry: which units ended (from) and which began (to), by which decision. */
export const agencyEvents = pgTable('agency_events', {
  id: id(),
  kind: text('kind', { enum: AGENCY_EVENT_KINDS }).notNull(),
  effectiveDate: date('effective_date').notNull(),
  decisionRef: text('decision_ref'),
  note: text('note'),
  createdBy: uuid('created_by'),
  createdAt: now('created_at'),
});

export const agencyEventLinks = pgTable(
  'agency_event_links',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => agencyEvents.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    role: text('role', { enum: ['from', 'to'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.agencyId, t.role] })],
);

/* ───────────────────────── people, roles, sessions ───────────────────────── */

export const users = pgTable(
  'users',
  {
    id: id(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** The one agency a reporter reports for; null for every other role. */
    agencyId: uuid('agency_id').references(() => agencies.id),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    createdAt: now('created_at'),
    updatedAt: now('updated_at'),
    passwordChangedAt: at('password_changed_at'),
  },
  (t) => [
    uniqueIndex('users_username_key').on(t.username),
    check('users_reporter_agency', sql`(${t.role} = 'reporter') = (${t.agencyId} is not null)`),
  ],
);

/** Server-side sessions: only a hash of the token is stored, so a database leak logs no one in. */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: now('created_at'),
    expiresAt: at('expires_at').notNull(),
    lastSeenAt: now('last_seen_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/** Failed logins per key (user name or address) in a window; shared by every server. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: now('window_start'),
  lockedUntil: at('locked_until'),
});

/**
 * Sign-ins through the provincial single sign-on that have gone to the provider and not come back
 * yet: what the callback must check (state, nonce, PKCE verifier) kept on the server, so that any
 * server behind the load balancer can finish it and each can be finished only once. The state is
 * stored as its SHA-256, and the row is bound to the browser that started it (a cookie's hash).
 */
export const oidcLogins = pgTable(
  'oidc_logins',
  {
    stateHash: text('state_hash').primaryKey(),
    browserHash: text('browser_hash').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    /** The redirect_uri sent to the provider; the token request repeats it exactly. */
    redirectUri: text('redirect_uri').notNull(),
    /** The page of chiso to show after signing in (a path of this site). */
    returnTo: text('return_to').notNull(),
    createdAt: now('created_at'),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [index('oidc_logins_expires_idx').on(t.expiresAt)],
);

/* ───────────────────────── criteria sets (R13, R14) ───────────────────────── */

export const criteriaVersions = pgTable(
  'criteria_versions',
  {
    id: id(),
    setId: text('set_id').notNull(),
    version: text('version').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull(),
    /** The whole set as loaded and validated. */
    content: jsonb('content').notNull(),
    /** sha256 of the canonical JSON of content. */
    hash: text('hash').notNull(),
    loadedBy: uuid('loaded_by'),
    loadedAt: now('loaded_at'),
  },
  (t) => [
    uniqueIndex('criteria_versions_set_version_key').on(t.setId, t.version),
    uniqueIndex('criteria_versions_hash_key').on(t.hash),
  ],
);

/* ───────────────────────── files (evidence, guidance) ───────────────────────── */

/** Metadata of a stored file; the bytes live in the files directory under their sha256. */
export const files = pgTable(
  'files',
  {
    id: id(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    /** Type found by reading the bytes, never taken from the name. */
    mime: text('mime').notNull(),
    filename: text('filename').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: now('uploaded_at'),
  },
  (t) => [index('files_sha256_idx').on(t.sha256)],
);

/* ───────────────────────── cycles (R8, R9, R10) ───────────────────────── */

export const cycles = pgTable(
  'cycles',
  {
    id: id(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    criteriaVersionId: uuid('criteria_version_id')
      .notNull()
      .references(() => criteriaVersions.id),
    state: text('state', { enum: CYCLE_STATES }).notNull().default('draft'),
    /** Guidance and form issued by (R8): 1 October by default. */
    guidanceBy: at('guidance_by').notNull(),
    /** Reports are late from this instant on (exclusive): 1 November 00:00 Vietnam time by default. */
    deadline: at('deadline').notNull(),
    /** Publication by (R10): 1 January of the next year by default. */
    publishBy: at('publish_by').notNull(),
    guidanceFileId: uuid('guidance_file_id').references(() => files.id),
    formFileId: uuid('form_file_id').references(() => files.id),
    announcement: text('announcement'),
    openedAt: at('opened_at'),
    closedAt: at('closed_at'),
    approvedAt: at('approved_at'),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvalNote: text('approval_note'),
    publishedAt: at('published_at'),
    /**
     * The monitoring period (R5): website checks (manual ones and confirmed snapshots) in
     * [monitorFrom, monitorTo) count for this cycle. Null: 1 January of the year, and publishBy.
     */
    monitorFrom: at('monitor_from'),
    monitorTo: at('monitor_to'),
    /** Working days after approval during which agencies may appeal their provisional result. */
    appealDays: integer('appeal_days').notNull().default(0),
    /** Public holidays ('YYYY-MM-DD', Vietnam dates) the appeal period skips besides weekends. */
    appealHolidays: jsonb('appeal_holidays').$type<string[]>().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: now('created_at'),
    updatedAt: now('updated_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('cycles_year_key').on(t.year)],
);

/** The agencies a cycle evaluates, frozen when it opens (R1: units as they were that year). */
export const cycleAgencies = pgTable(
  'cycle_agencies',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    groupId: text('group_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.agencyId] })],
);

/** A deadline moves only for the whole cycle, before it passes, with a reason and decision. */
export const deadlineExtensions = pgTable('deadline_extensions', {
  id: id(),
  cycleId: uuid('cycle_id')
    .notNull()
    .references(() => cycles.id),
  oldDeadline: at('old_deadline').notNull(),
  newDeadline: at('new_deadline').notNull(),
  reason: text('reason').notNull(),
  decisionRef: text('decision_ref').notNull(),
  decidedBy: uuid('decided_by').references(() => users.id),
  createdAt: now('created_at'),
});

/* ───────────────────────── submissions (R9, R12, R16) ───────────────────────── */

export const SUBMISSION_STATUSES = ['draft', 'submitted'] as const;

export const submissions = pgTable(
  'submissions',
  {
    id: id(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    status: text('status', { enum: SUBMISSION_STATUSES }).notNull().default('draft'),
    /** The agency's own values (field key → value), exactly as entered. */
    values: jsonb('values').notNull().default({}),
    /**
     * Optimistic concurrency: every write names the version it read. A draft save is refused (409)
     * only for a field someone else changed after that version: `fieldVersions` holds, per field
     * key, the version that last changed it, so edits of different fields of one form merge.
     */
    version: integer('version').notNull().default(1),
    fieldVersions: jsonb('field_versions').notNull().default({}),
    createdAt: now('created_at'),
    updatedAt: now('updated_at'),
    updatedBy: uuid('updated_by').references(() => users.id),
    submittedAt: at('submitted_at'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    attestedName: text('attested_name'),
    attestedTitle: text('attested_title'),
    /** sha256 of the canonical submitted content, printed on the receipt. */
    contentHash: text('content_hash'),
    withdrawnCount: integer('withdrawn_count').notNull().default(0),
  },
  (t) => [uniqueIndex('submissions_cycle_agency_key').on(t.cycleId, t.agencyId)],
);

export const NA_STATUSES = ['claimed', 'confirmed', 'rejected'] as const;

/** "Not applicable" claims (R4): the agency claims with a reason, the assessor decides. */
export const naClaims = pgTable(
  'na_claims',
  {
    id: id(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id),
    criterionId: text('criterion_id').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: NA_STATUSES }).notNull().default('claimed'),
    claimedBy: uuid('claimed_by').references(() => users.id),
    claimedAt: now('claimed_at'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: at('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [uniqueIndex('na_claims_submission_criterion_key').on(t.submissionId, t.criterionId)],
);

/** Evidence attached to a criterion (or to a field survey), by the agency or an assessor. */
export const evidence = pgTable(
  'evidence',
  {
    id: id(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    criterionId: text('criterion_id'),
    surveyId: uuid('survey_id'),
    note: text('note'),
    addedBy: uuid('added_by').references(() => users.id),
    addedAt: now('added_at'),
    removedAt: at('removed_at'),
    removedBy: uuid('removed_by').references(() => users.id),
  },
  (t) => [index('evidence_submission_idx').on(t.submissionId)],
);

/* ───────────────────────── review (R10, R12, R16, R17) ───────────────────────── */

export const QUERY_STATUSES = ['open', 'answered', 'closed'] as const;

/** A question from the assessors to the agency about its data, answered in the system. */
export const queries = pgTable(
  'queries',
  {
    id: id(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id),
    criterionId: text('criterion_id'),
    fieldKey: text('field_key'),
    subject: text('subject').notNull(),
    status: text('status', { enum: QUERY_STATUSES }).notNull().default('open'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: now('created_at'),
    closedAt: at('closed_at'),
  },
  (t) => [index('queries_submission_idx').on(t.submissionId)],
);

export const queryMessages = pgTable('query_messages', {
  id: id(),
  queryId: uuid('query_id')
    .notNull()
    .references(() => queries.id),
  authorId: uuid('author_id').references(() => users.id),
  body: text('body').notNull(),
  /** A file sent with the message (after submission, where the agency's documents still go). */
  fileId: uuid('file_id').references(() => files.id),
  createdAt: now('created_at'),
});

/** A survey at the agency (R17): date, team, findings; evidence rows may point to it. */
export const fieldSurveys = pgTable('field_surveys', {
  id: id(),
  submissionId: uuid('submission_id')
    .notNull()
    .references(() => submissions.id),
  surveyDate: date('survey_date').notNull(),
  team: text('team').notNull(),
  findings: text('findings').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: now('created_at'),
});

/**
 * Values set by the department on a submission: a correction of an agency value (always with a
 * reason), or a reviewer field such as the data-quality mark. The latest row per field counts;
 * earlier rows stay as history.
 */
export const reviewValues = pgTable(
  'review_values',
  {
    id: id(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id),
    fieldKey: text('field_key').notNull(),
    kind: text('kind', { enum: ['correction', 'reviewer'] }).notNull(),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    reason: text('reason'),
    surveyId: uuid('survey_id').references(() => fieldSurveys.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: now('created_at'),
  },
  (t) => [index('review_values_submission_idx').on(t.submissionId, t.fieldKey)],
);

/** Snapshots of an agency's website as the department saw it (R5); manual now, a crawler later. */
export const websiteChecks = pgTable(
  'website_checks',
  {
    id: id(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    checkedAt: at('checked_at').notNull(),
    values: jsonb('values').notNull(),
    source: text('source', { enum: ['manual', 'crawler'] })
      .notNull()
      .default('manual'),
    note: text('note'),
    checkedBy: uuid('checked_by').references(() => users.id),
    /** The monitoring snapshot an assessor confirmed into this check (source `crawler`). */
    snapshotId: uuid('snapshot_id').references((): AnyPgColumn => contentSnapshots.id),
    createdAt: now('created_at'),
  },
  (t) => [
    index('website_checks_agency_idx').on(t.agencyId, t.checkedAt),
    uniqueIndex('website_checks_snapshot_key').on(t.snapshotId),
  ],
);

/* ───────────────────────── website monitoring (R5, issue 10) ───────────────────────── */

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const SITE_KINDS = ['portal', 'services'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/**
 * The sites of an agency that the department monitors, with history: its portal and, where it has
 * one, its online-service portal. A change of address ends the current row (validTo) and starts a
 * new one, so a result always names the address it was taken from. The URL's path is the scope the
 * monitor stays in (a sub-site such as https://caobang.gov.vn/web/stttt/).
 */
export const monitoredSites = pgTable(
  'monitored_sites',
  {
    id: id(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    kind: text('kind', { enum: SITE_KINDS }).notNull(),
    url: text('url').notNull(),
    /** Monitoring fields pinned by the administrator to a page of the site: field key → URL. */
    pins: jsonb('pins').notNull().default({}),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: now('created_at'),
  },
  (t) => [
    uniqueIndex('monitored_sites_current_key').on(t.agencyId, t.kind).where(sql`${t.validTo} is null`),
    index('monitored_sites_agency_idx').on(t.agencyId),
  ],
);

/**
 * One availability check of a site (every 30 minutes: 33 sites × 48 a day, a year of them kept):
 * narrow on purpose. The final URL is kept only when redirects led elsewhere.
 */
export const availabilityChecks = pgTable(
  'availability_checks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => monitoredSites.id),
    checkedAt: at('checked_at').notNull(),
    ok: boolean('ok').notNull(),
    status: integer('status'),
    ttfbMs: integer('ttfb_ms'),
    tlsDaysLeft: integer('tls_days_left'),
    finalUrl: text('final_url'),
    failureCode: text('failure_code'),
    /** The Vietnamese reason of a failure ({vi, en}). */
    failure: jsonb('failure'),
  },
  (t) => [uniqueIndex('availability_checks_site_at_key').on(t.siteId, t.checkedAt)],
);

export const SNAPSHOT_STATES = ['proposed', 'confirmed', 'failed'] as const;
export type SnapshotState = (typeof SNAPSHOT_STATES)[number];

/**
 * A content check of a site: what the detectors found (per monitoring field: value, evidence URL
 * and excerpt, reason), proposed until an assessor confirms it into a website check.
 */
export const contentSnapshots = pgTable(
  'content_snapshots',
  {
    id: id(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => monitoredSites.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    state: text('state', { enum: SNAPSHOT_STATES }).notNull(),
    startedAt: at('started_at').notNull(),
    finishedAt: at('finished_at').notNull(),
    findings: jsonb('findings').notNull().default([]),
    stoppedBy: text('stopped_by'),
    failure: jsonb('failure'),
    /** Who asked for it (null: the schedule). */
    requestedBy: uuid('requested_by').references(() => users.id),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: at('confirmed_at'),
    /** Per field, what the assessor decided: { value, changed, reason }. */
    decisions: jsonb('decisions'),
  },
  (t) => [index('content_snapshots_agency_idx').on(t.agencyId, t.startedAt)],
);

/** The copy of a page fetched by a content check: its bytes gzip-compressed, as they came. */
export const snapshotPages = pgTable(
  'snapshot_pages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    snapshotId: uuid('snapshot_id')
      .notNull()
      .references(() => contentSnapshots.id),
    url: text('url').notNull(),
    depth: integer('depth').notNull(),
    status: integer('status'),
    contentType: text('content_type'),
    bytes: integer('bytes').notNull().default(0),
    fetchedAt: at('fetched_at').notNull(),
    title: text('title'),
    body: bytea('body'),
    failure: jsonb('failure'),
  },
  (t) => [index('snapshot_pages_snapshot_idx').on(t.snapshotId)],
);

export const ALERT_KINDS = ['down', 'tls'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * An episode of trouble with a site (down for N checks in a row, or its certificate about to
 * expire): one e-mail when it starts, none while it lasts; a recovery ends it. At most one open
 * episode per site and kind, whichever server ran the check.
 */
export const monitorAlerts = pgTable(
  'monitor_alerts',
  {
    id: id(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => monitoredSites.id),
    kind: text('kind', { enum: ALERT_KINDS }).notNull(),
    startedAt: at('started_at').notNull(),
    endedAt: at('ended_at'),
    detail: jsonb('detail'),
  },
  (t) => [uniqueIndex('monitor_alerts_open_key').on(t.siteId, t.kind).where(sql`${t.endedAt} is null`)],
);

/* ───────────────────────── appeals before publication (issue 12) ───────────────────────── */

export const APPEAL_STATUSES = ['open', 'upheld', 'rejected'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** A correction an upheld appeal made: the field, its value before and after. */
export interface AppealCorrection {
  readonly fieldKey: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
}

/**
 * An agency contests one criterion of its provisional (approved, not yet published) result; the
 * department upholds it (with corrections through the audited review correction) or rejects it.
 * Points are whole hundredths, before and after the answer.
 */
export const appeals = pgTable(
  'appeals',
  {
    id: id(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    criterionId: text('criterion_id').notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: APPEAL_STATUSES }).notNull().default('open'),
    filedBy: uuid('filed_by').references(() => users.id),
    filedAt: at('filed_at').notNull(),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: at('answered_at'),
    pointsBefore: integer('points_before'),
    pointsAfter: integer('points_after'),
    totalBefore: integer('total_before'),
    totalAfter: integer('total_after'),
    corrections: jsonb('corrections').$type<AppealCorrection[]>().notNull().default([]),
  },
  (t) => [
    index('appeals_cycle_idx').on(t.cycleId, t.agencyId),
    check('appeals_status_check', sql`${t.status} IN ('open', 'upheld', 'rejected')`),
  ],
);

/** Files an agency attached to its appeal (stored like evidence: files table, bytes by hash). */
export const appealFiles = pgTable(
  'appeal_files',
  {
    id: id(),
    appealId: uuid('appeal_id')
      .notNull()
      .references(() => appeals.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    createdAt: now('created_at'),
  },
  (t) => [index('appeal_files_appeal_idx').on(t.appealId)],
);

/* ───────────────────────── publication (R11, R15) ───────────────────────── */

/** The frozen result of a cycle: criteria version, values and scores together; never updated. */
export const publishedSnapshots = pgTable(
  'published_snapshots',
  {
    id: id(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    revision: integer('revision').notNull(),
    reason: text('reason'),
    criteriaVersionId: uuid('criteria_version_id')
      .notNull()
      .references(() => criteriaVersions.id),
    content: jsonb('content').notNull(),
    contentHash: text('content_hash').notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: now('published_at'),
    /** The decision publishing this revision (migration 0007): printed on every output. */
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date'),
    signerName: text('signer_name'),
    signerTitle: text('signer_title'),
  },
  (t) => [uniqueIndex('published_snapshots_cycle_revision_key').on(t.cycleId, t.revision)],
);

/** Which in-app notifications a user has read (the notifications themselves are computed). */
export const notificationReads = pgTable(
  'notification_reads',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    readAt: now('read_at'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

/* ───────────────────────── follow-up (R18) and jobs ───────────────────────── */

/** One row per reminder sent, so that several servers never send the same one twice. */
export const remindersSent = pgTable(
  'reminders_sent',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    daysBefore: integer('days_before').notNull(),
    sentAt: now('sent_at'),
    recipients: text('recipients').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.agencyId, t.daysBefore] })],
);

export const JOB_STATUSES = ['pending', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * Background work (mail, reminders, scheduled duties) claimed with FOR UPDATE SKIP LOCKED, so any
 * server may run it and each job runs once. A job enqueued with a `dedupeKey` exists at most once
 * (a reminder, a schedule's run at one instant), whichever server or transaction enqueued it.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull().default({}),
    runAt: now('run_at'),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lockedUntil: at('locked_until'),
    lastError: text('last_error'),
    dedupeKey: text('dedupe_key'),
    createdAt: now('created_at'),
    finishedAt: at('finished_at'),
  },
  (t) => [
    index('jobs_due_idx').on(t.status, t.runAt),
    uniqueIndex('jobs_dedupe_key').on(t.dedupeKey),
    // The administrator's list of one state, newest first: the table keeps every finished job.
    index('jobs_status_created_idx').on(t.status, t.createdAt, t.id),
  ],
);

/**
 * When each scheduled duty runs next (cron, Vietnam time), editable by the administrator. A server
 * that finds a schedule due moves `nextRunAt` on with a compare-and-set and enqueues the duty's
 * job in the same transaction: with several servers, one run per slot.
 */
export const schedules = pgTable('schedules', {
  name: text('name').primaryKey(),
  cron: text('cron').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  nextRunAt: at('next_run_at'),
  lastRunAt: at('last_run_at'),
  lastJobId: uuid('last_job_id'),
  updatedAt: now('updated_at'),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/* ───────────────────────── audit (nothing changes silently) ───────────────────────── */

/** Append-only: who did what, when, the old and new value and why. A trigger forbids edits. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: now('at'),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    cycleId: uuid('cycle_id'),
    agencyId: uuid('agency_id'),
    field: text('field'),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    reason: text('reason'),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_cycle_idx').on(t.cycleId, t.agencyId),
    // The change history screen (modules/audit), newest first a page at a time: the whole log, one
    // agency's, one person's; and the rows of a form field (a draft save names several: "a,b,c").
    index('audit_log_at_idx').on(t.at, t.id),
    index('audit_log_agency_at_idx').on(t.agencyId, t.at, t.id),
    index('audit_log_actor_at_idx').on(t.actorId, t.at, t.id),
    index('audit_log_fields_idx').using('gin', sql`string_to_array(${t.field}, ',')`),
  ],
);

/* ───────────────────────── feedback on the regulation (issue 14, item 5) ───────────────────────── */

export const FEEDBACK_KINDS = ['difficulty', 'proposal'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_SUBJECTS = ['criterion', 'form', 'process'] as const;
export type FeedbackSubject = (typeof FEEDBACK_SUBJECTS)[number];
/** new → answered / adopted (taken into the next criteria version) / declined; an answer may be revised. */
export const FEEDBACK_STATUSES = ['new', 'answered', 'adopted', 'declined'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** The department's topics that group the feedback items (free names, unique). */
export const feedbackTopics = pgTable('feedback_topics', {
  id: id(),
  name: text('name').notNull().unique('feedback_topics_name_key'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: now('created_at'),
});

/**
 * A difficulty or a proposal about the regulation (Điều 13, Điều 11.3), raised by anyone signed in,
 * about a criterion (of a stored criteria version; its name kept as it read then), the form or the
 * process; the department's answer, status and topic; `revision` counts the answers (the bell
 * shows each, and a stale answer is refused).
 */
export const feedbackItems = pgTable(
  'feedback_items',
  {
    id: id(),
    kind: text('kind', { enum: FEEDBACK_KINDS }).notNull(),
    subject: text('subject', { enum: FEEDBACK_SUBJECTS }).notNull(),
    criteriaVersionId: uuid('criteria_version_id').references(() => criteriaVersions.id),
    criterionId: text('criterion_id'),
    criterionName: text('criterion_name'),
    text: text('text').notNull(),
    fileId: uuid('file_id').references(() => files.id),
    raisedBy: uuid('raised_by')
      .notNull()
      .references(() => users.id),
    raisedAt: at('raised_at').notNull(),
    status: text('status', { enum: FEEDBACK_STATUSES }).notNull().default('new'),
    topicId: uuid('topic_id').references(() => feedbackTopics.id),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: at('answered_at'),
    nextVersionId: uuid('next_version_id').references(() => criteriaVersions.id),
    revision: integer('revision').notNull().default(0),
  },
  (t) => [
    index('feedback_items_raised_idx').on(t.raisedAt),
    index('feedback_items_raiser_idx').on(t.raisedBy),
    check('feedback_items_kind_check', sql`${t.kind} IN ('difficulty', 'proposal')`),
    check('feedback_items_subject_check', sql`${t.subject} IN ('criterion', 'form', 'process')`),
    check('feedback_items_status_check', sql`${t.status} IN ('new', 'answered', 'adopted', 'declined')`),
    check(
      'feedback_items_criterion_check',
      sql`(${t.subject} = 'criterion') = (${t.criterionId} IS NOT NULL)`,
    ),
  ],
);

/* ───────────────────────── field surveys planned (issue 14, item 4) ───────────────────────── */

/** planned → confirmed by the agency (or reschedule: it asks for another date) → done (findings recorded). */
export const SURVEY_PLAN_STATUSES = ['planned', 'confirmed', 'reschedule', 'done'] as const;
export type SurveyPlanStatus = (typeof SURVEY_PLAN_STATUSES)[number];
export const CLAIM_OUTCOMES = ['confirmed', 'differs'] as const;
export type ClaimOutcome = (typeof CLAIM_OUTCOMES)[number];

/** A visit the department plans to an agency in a cycle (R17), until its findings become a survey record. */
export const surveyPlans = pgTable(
  'survey_plans',
  {
    id: id(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    visitDate: date('visit_date').notNull(),
    team: text('team').notNull(),
    purpose: text('purpose').notNull(),
    status: text('status', { enum: SURVEY_PLAN_STATUSES }).notNull().default('planned'),
    /** The agency's reason when it asks for another date. */
    replyNote: text('reply_note'),
    proposedDate: date('proposed_date'),
    repliedBy: uuid('replied_by').references(() => users.id),
    repliedAt: at('replied_at'),
    /** The survey record the findings became. */
    surveyId: uuid('survey_id').references(() => fieldSurveys.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('survey_plans_cycle_idx').on(t.cycleId, t.agencyId),
    check('survey_plans_status_check', sql`${t.status} IN ('planned', 'confirmed', 'reschedule', 'done')`),
  ],
);

/** One claim a planned visit verifies: a field of the form, why it was chosen, and what was found. */
export const surveyPlanClaims = pgTable(
  'survey_plan_claims',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => surveyPlans.id),
    position: integer('position').notNull(),
    fieldKey: text('field_key').notNull(),
    why: text('why').notNull(),
    outcome: text('outcome', { enum: CLAIM_OUTCOMES }),
    observed: jsonb('observed'),
  },
  (t) => [
    uniqueIndex('survey_plan_claims_key').on(t.planId, t.fieldKey),
    check(
      'survey_plan_claims_outcome_check',
      sql`${t.outcome} IS NULL OR ${t.outcome} IN ('confirmed', 'differs')`,
    ),
  ],
);
