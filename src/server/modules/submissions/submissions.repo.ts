/** SQL of submissions, their N/A claims and evidence (the submissions module's tables). */
import { and, asc, desc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { preparedPer } from '../../db/prepared.ts';
import {
  cycleAgencies,
  cycles,
  evidence,
  files,
  naClaims,
  submissions,
  users,
  websiteChecks,
} from '../../db/schema.ts';
import type { Actor } from '../../platform/audit.ts';
import { renamedFrom } from '../scoring/cycle-data.ts';

export type SubmissionRow = typeof submissions.$inferSelect;
export type ClaimRow = typeof naClaims.$inferSelect;
export type RosterRow = typeof cycleAgencies.$inferSelect;
export type CycleRow = typeof cycles.$inferSelect;

/**
 * A form and what decides about it, in one read: the cycle, the agency as the cycle's roster has
 * it (null when not evaluated that cycle) and the stored form (null before its first save).
 * Undefined when there is no such cycle.
 */
export const formRow = async (
  db: Executor,
  cycleId: string,
  agencyId: string,
): Promise<{ cycle: CycleRow; roster: RosterRow | null; submission: SubmissionRow | null } | undefined> =>
  (await formRowQuery(db).execute({ cycleId, agencyId }))[0];

/** Read by every autosave: built once (db/prepared.ts). */
const formRowQuery = preparedPer((db) =>
  db
    .select({ cycle: cycles, roster: cycleAgencies, submission: submissions })
    .from(cycles)
    .leftJoin(
      cycleAgencies,
      and(eq(cycleAgencies.cycleId, cycles.id), eq(cycleAgencies.agencyId, sql.placeholder('agencyId'))),
    )
    .leftJoin(
      submissions,
      and(eq(submissions.cycleId, cycles.id), eq(submissions.agencyId, sql.placeholder('agencyId'))),
    )
    .where(eq(cycles.id, sql.placeholder('cycleId')))
    .limit(1)
    .prepare('form_row'),
);

/** A draft save as the use case decided it: the patch to write and who writes it. */
export interface DraftWrite {
  readonly cycleId: string;
  readonly agencyId: string;
  /** Field key → new value; null clears the field. Only fields whose value changes. */
  readonly patch: Readonly<Record<string, unknown>>;
  /** The version the writer read (0 before the form existed for them). */
  readonly base: number;
  readonly now: Date;
  readonly actor: Actor & { readonly user: { readonly id: string; readonly role: string } };
}

/** What a draft write answers: the new version, and the fields others changed since `base`. */
export interface DraftWritten {
  readonly version: number;
  readonly updatedAt: Date;
  readonly changed: Record<string, unknown>;
}

const json = (v: unknown) => JSON.stringify(v);

/**
 * The audit row of a draft save, written by the same statement as the save (no extra round trip).
 * `field` lists every key of the patch, whole: the history finds a save by any of them. The keys
 * are the criteria set's (checked before), so the list is bounded by the set's size.
 */
const auditInsert = (w: DraftWrite, action: string, source: string) => sql`
  insert into audit_log (at, actor_id, actor_role, action, entity_type, entity_id, cycle_id, agency_id,
                         field, old_value, new_value, request_id, ip)
  select ${w.now}, ${w.actor.user.id}, ${w.actor.user.role}, ${action}, 'submission', s.id::text,
         ${w.cycleId}, ${w.agencyId}, ${Object.keys(w.patch).join(',')},
         s.old_values, ${json(w.patch)}::jsonb, ${w.actor.requestId ?? null}, ${w.actor.ip ?? null}
  from ${sql.raw(source)} s`;

type Raw = { version: number; updated_at: Date | string; changed: Record<string, unknown> | null };
const written = (rows: Raw[]): DraftWritten | undefined => {
  const r = rows[0];
  return r && { version: r.version, updatedAt: new Date(r.updated_at), changed: r.changed ?? {} };
};
const rowsOf = (result: unknown): Raw[] => (result as { rows: Raw[] }).rows;

/**
 * Writes a patch into an existing draft in one statement, with its audit row: locks the row,
 * refuses (undefined) when the form is no longer a draft of an open cycle or when a patched field
 * was changed by someone else after `base` to another value, and otherwise merges the patch into
 * the values, stamping each patched field with the new version. No cycle lock: the check of the
 * cycle's state is part of the write.
 */
export async function writeDraft(db: Executor, w: DraftWrite): Promise<DraftWritten | undefined> {
  const keys = Object.keys(w.patch);
  const set = Object.fromEntries(Object.entries(w.patch).filter(([, v]) => v !== null));
  const removed = keys.filter((k) => w.patch[k] === null);
  const result = await db.execute(sql`
    with cur as (
      select s.id, s.values as old_values
      from submissions s
      where s.cycle_id = ${w.cycleId} and s.agency_id = ${w.agencyId} and s.status = 'draft'
        and exists (select 1 from cycles c where c.id = s.cycle_id and c.state = 'open')
        and not exists (
          select 1 from jsonb_each_text(s.field_versions) fv
          where ${json(keys)}::jsonb ? fv.key and fv.value::int > ${w.base}
            and coalesce(s.values -> fv.key, 'null'::jsonb) is distinct from (${json(w.patch)}::jsonb -> fv.key))
      for update of s
    ),
    upd as (
      update submissions s
      set values = (s.values || ${json(set)}::jsonb)
                   - array(select jsonb_array_elements_text(${json(removed)}::jsonb)),
          field_versions = s.field_versions
                   || (select jsonb_object_agg(k, s.version + 1) from jsonb_array_elements_text(${json(keys)}::jsonb) k),
          version = s.version + 1, updated_at = ${w.now}, updated_by = ${w.actor.user.id}
      from cur where s.id = cur.id
      returning s.id, s.version, s.updated_at, s.values, s.field_versions,
        (select jsonb_object_agg(k, coalesce(cur.old_values -> k, 'null'::jsonb))
           from jsonb_array_elements_text(${json(keys)}::jsonb) k) as old_values
    ),
    aud as (${auditInsert(w, 'submission.save', 'upd')})
    select u.version, u.updated_at,
      (select jsonb_object_agg(fv.key, coalesce(u.values -> fv.key, 'null'::jsonb))
         from jsonb_each_text(u.field_versions) fv
        where fv.value::int > ${w.base} and not (${json(keys)}::jsonb ? fv.key)) as changed
    from upd u`);
  return written(rowsOf(result));
}

/**
 * Creates the agency's form with its first values and audit row, while the cycle is open;
 * undefined when the cycle is not open or another first save created it first (the unique
 * (cycle, agency) index decides, so two first saves never make two forms).
 */
export async function createDraft(db: Executor, w: DraftWrite): Promise<DraftWritten | undefined> {
  const set = Object.fromEntries(Object.entries(w.patch).filter(([, v]) => v !== null));
  const stamps = Object.fromEntries(Object.keys(set).map((k) => [k, 1]));
  const result = await db.execute(sql`
    with ins as (
      insert into submissions (cycle_id, agency_id, status, values, field_versions, version,
                               created_at, updated_at, updated_by)
      select ${w.cycleId}, ${w.agencyId}, 'draft', ${json(set)}::jsonb, ${json(stamps)}::jsonb, 1,
             ${w.now}, ${w.now}, ${w.actor.user.id}
      where exists (select 1 from cycles c where c.id = ${w.cycleId} and c.state = 'open')
      on conflict (cycle_id, agency_id) do nothing
      returning id, version, updated_at, '{}'::jsonb as old_values
    ),
    aud as (${auditInsert(w, 'submission.create', 'ins')})
    select version, updated_at, '{}'::jsonb as changed from ins`);
  return written(rowsOf(result));
}

/** The agency as the cycle's roster froze it, or undefined when it is not evaluated in that cycle. */
export const rosterEntry = async (
  db: Executor,
  cycleId: string,
  agencyId: string,
): Promise<RosterRow | undefined> =>
  (
    await db
      .select()
      .from(cycleAgencies)
      .where(and(eq(cycleAgencies.cycleId, cycleId), eq(cycleAgencies.agencyId, agencyId)))
      .limit(1)
  )[0];

export const findSubmission = async (
  db: Executor,
  cycleId: string,
  agencyId: string,
): Promise<SubmissionRow | undefined> =>
  (
    await db
      .select()
      .from(submissions)
      .where(and(eq(submissions.cycleId, cycleId), eq(submissions.agencyId, agencyId)))
      .limit(1)
  )[0];

/** The submission row locked for the rest of the transaction. */
export const lockSubmission = async (
  db: Executor,
  cycleId: string,
  agencyId: string,
): Promise<SubmissionRow | undefined> =>
  (
    await db
      .select()
      .from(submissions)
      .where(and(eq(submissions.cycleId, cycleId), eq(submissions.agencyId, agencyId)))
      .for('update')
      .limit(1)
  )[0];

/**
 * Creates an empty draft inside a transaction (a claim or a file before any value was saved);
 * undefined when another request created it first.
 */
export const insertEmptyDraft = async (
  db: Executor,
  row: { cycleId: string; agencyId: string; now: Date; userId: string },
): Promise<SubmissionRow | undefined> =>
  (
    await db
      .insert(submissions)
      .values({
        cycleId: row.cycleId,
        agencyId: row.agencyId,
        status: 'draft',
        values: {},
        version: 1,
        createdAt: row.now,
        updatedAt: row.now,
        updatedBy: row.userId,
      })
      .onConflictDoNothing({ target: [submissions.cycleId, submissions.agencyId] })
      .returning()
  )[0];

/** Records who last changed the form (claims and evidence do not change the values' version). */
export const touch = (db: Executor, id: string, now: Date, userId: string) =>
  db.update(submissions).set({ updatedAt: now, updatedBy: userId }).where(eq(submissions.id, id));

export const markSubmitted = async (
  db: Executor,
  id: string,
  version: number,
  s: {
    submittedAt: Date;
    submittedBy: string;
    attestedName: string;
    attestedTitle: string;
    contentHash: string;
  },
): Promise<SubmissionRow | undefined> =>
  (
    await db
      .update(submissions)
      .set({
        status: 'submitted',
        submittedAt: s.submittedAt,
        submittedBy: s.submittedBy,
        attestedName: s.attestedName,
        attestedTitle: s.attestedTitle,
        contentHash: s.contentHash,
        version: sql`${submissions.version} + 1`,
        updatedAt: s.submittedAt,
        updatedBy: s.submittedBy,
      })
      .where(and(eq(submissions.id, id), eq(submissions.version, version), eq(submissions.status, 'draft')))
      .returning()
  )[0];

export const markWithdrawn = async (
  db: Executor,
  id: string,
  now: Date,
  userId: string,
): Promise<SubmissionRow | undefined> =>
  (
    await db
      .update(submissions)
      .set({
        status: 'draft',
        submittedAt: null,
        submittedBy: null,
        attestedName: null,
        attestedTitle: null,
        contentHash: null,
        withdrawnCount: sql`${submissions.withdrawnCount} + 1`,
        version: sql`${submissions.version} + 1`,
        updatedAt: now,
        updatedBy: userId,
      })
      .where(and(eq(submissions.id, id), eq(submissions.status, 'submitted')))
      .returning()
  )[0];

/* N/A claims (R4) */

export const listClaims = (db: Executor, submissionId: string): Promise<ClaimRow[]> =>
  db
    .select()
    .from(naClaims)
    .where(eq(naClaims.submissionId, submissionId))
    .orderBy(asc(naClaims.criterionId));

export const findClaim = async (
  db: Executor,
  submissionId: string,
  criterionId: string,
): Promise<ClaimRow | undefined> =>
  (
    await db
      .select()
      .from(naClaims)
      .where(and(eq(naClaims.submissionId, submissionId), eq(naClaims.criterionId, criterionId)))
      .limit(1)
  )[0];

/** Makes or restates a claim; a restated claim goes back to the assessor undecided. */
export const upsertClaim = async (
  db: Executor,
  c: { submissionId: string; criterionId: string; reason: string; userId: string; now: Date },
): Promise<ClaimRow> =>
  (
    await db
      .insert(naClaims)
      .values({
        submissionId: c.submissionId,
        criterionId: c.criterionId,
        reason: c.reason,
        status: 'claimed',
        claimedBy: c.userId,
        claimedAt: c.now,
      })
      .onConflictDoUpdate({
        target: [naClaims.submissionId, naClaims.criterionId],
        set: {
          reason: c.reason,
          status: 'claimed',
          claimedBy: c.userId,
          claimedAt: c.now,
          decidedBy: null,
          decidedAt: null,
          decisionNote: null,
        },
      })
      .returning()
  )[0]!;

export const deleteClaim = (db: Executor, id: string) => db.delete(naClaims).where(eq(naClaims.id, id));

/* Evidence */

export interface EvidenceRow {
  id: string;
  criterionId: string | null;
  surveyId: string | null;
  note: string | null;
  addedAt: Date;
  addedBy: string | null;
  fileId: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
}

const evidenceColumns = {
  id: evidence.id,
  criterionId: evidence.criterionId,
  surveyId: evidence.surveyId,
  note: evidence.note,
  addedAt: evidence.addedAt,
  addedBy: evidence.addedBy,
  fileId: files.id,
  filename: files.filename,
  mime: files.mime,
  size: files.size,
  sha256: files.sha256,
};

/** The evidence of a submission still attached (removed rows stay in the table as history). */
export const listEvidence = (db: Executor, submissionId: string): Promise<EvidenceRow[]> =>
  db
    .select(evidenceColumns)
    .from(evidence)
    .innerJoin(files, eq(files.id, evidence.fileId))
    .where(and(eq(evidence.submissionId, submissionId), isNull(evidence.removedAt)))
    .orderBy(asc(evidence.addedAt), asc(evidence.id));

export const findEvidence = async (
  db: Executor,
  submissionId: string,
  evidenceId: string,
): Promise<EvidenceRow | undefined> =>
  (
    await db
      .select(evidenceColumns)
      .from(evidence)
      .innerJoin(files, eq(files.id, evidence.fileId))
      .where(
        and(eq(evidence.id, evidenceId), eq(evidence.submissionId, submissionId), isNull(evidence.removedAt)),
      )
      .limit(1)
  )[0];

/** Records an upload (platform/file-records.ts). */
export { insertFile } from '../../platform/file-records.ts';

export const insertEvidence = async (
  db: Executor,
  e: {
    submissionId: string;
    fileId: string;
    criterionId: string | null;
    note: string | null;
    userId: string;
    now: Date;
  },
): Promise<string> =>
  (
    await db
      .insert(evidence)
      .values({
        submissionId: e.submissionId,
        fileId: e.fileId,
        criterionId: e.criterionId,
        note: e.note,
        addedBy: e.userId,
        addedAt: e.now,
      })
      .returning({ id: evidence.id })
  )[0]!.id;

export const removeEvidence = async (db: Executor, id: string, now: Date, userId: string): Promise<boolean> =>
  (
    await db
      .update(evidence)
      .set({ removedAt: now, removedBy: userId })
      .where(and(eq(evidence.id, id), isNull(evidence.removedAt)))
      .returning({ id: evidence.id })
  ).length > 0;

/* People and earlier years */

export const userName = async (
  db: Executor,
  id: string | null,
): Promise<{ id: string; displayName: string } | null> => {
  if (!id) return null;
  const [row] = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row ?? null;
};

/**
 * The agency's submitted values of the year before (the workbook's pre-fill, marked as such): its
 * own, or when it was renamed since, its former unit's (never a merged or split unit's).
 */
export const previousYearValues = async (
  db: Executor,
  year: number,
  agencyId: string,
): Promise<Record<string, unknown> | undefined> => {
  const own = await submittedValuesOf(db, year - 1, agencyId);
  if (own) return own;
  const former = (await renamedFrom(db, [agencyId])).get(agencyId);
  return former ? submittedValuesOf(db, year - 1, former) : undefined;
};

const submittedValuesOf = async (
  db: Executor,
  year: number,
  agencyId: string,
): Promise<Record<string, unknown> | undefined> => {
  const [row] = await db
    .select({ values: submissions.values })
    .from(submissions)
    .innerJoin(cycles, eq(cycles.id, submissions.cycleId))
    .where(
      and(eq(cycles.year, year), eq(submissions.agencyId, agencyId), eq(submissions.status, 'submitted')),
    )
    .orderBy(desc(submissions.submittedAt))
    .limit(1);
  return row?.values as Record<string, unknown> | undefined;
};

/** The latest website check of an agency within a cycle's window (the self-score's, interchange.md). */
export async function latestWebsiteCheck(
  db: Executor,
  agencyId: string,
  window: { from: Date; to: Date },
): Promise<{ checkedAt: Date; values: Record<string, unknown> } | null> {
  const [row] = await db
    .select({ checkedAt: websiteChecks.checkedAt, values: websiteChecks.values })
    .from(websiteChecks)
    .where(
      and(
        eq(websiteChecks.agencyId, agencyId),
        gte(websiteChecks.checkedAt, window.from),
        lt(websiteChecks.checkedAt, window.to),
      ),
    )
    .orderBy(desc(websiteChecks.checkedAt), desc(websiteChecks.createdAt))
    .limit(1);
  return row ? { checkedAt: row.checkedAt, values: row.values as Record<string, unknown> } : null;
}
