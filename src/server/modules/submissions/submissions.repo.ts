/** SQL of submissions, their N/A claims and evidence (the submissions module's tables). */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { cycleAgencies, cycles, evidence, files, naClaims, submissions, users } from '../../db/schema.ts';

export type SubmissionRow = typeof submissions.$inferSelect;
export type ClaimRow = typeof naClaims.$inferSelect;
export type RosterRow = typeof cycleAgencies.$inferSelect;

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
 * Creates the draft of an agency; undefined when another request created it first (the unique
 * (cycle, agency) index decides, so two first saves never make two forms).
 */
export const insertDraft = async (
  db: Executor,
  row: { cycleId: string; agencyId: string; values: Record<string, unknown>; now: Date; userId: string },
): Promise<SubmissionRow | undefined> =>
  (
    await db
      .insert(submissions)
      .values({
        cycleId: row.cycleId,
        agencyId: row.agencyId,
        status: 'draft',
        values: row.values,
        version: 1,
        createdAt: row.now,
        updatedAt: row.now,
        updatedBy: row.userId,
      })
      .onConflictDoNothing({ target: [submissions.cycleId, submissions.agencyId] })
      .returning()
  )[0];

/** Writes the values of the version the writer read; undefined when that version is no longer current. */
export const updateValues = async (
  db: Executor,
  id: string,
  version: number,
  values: Record<string, unknown>,
  now: Date,
  userId: string,
): Promise<SubmissionRow | undefined> =>
  (
    await db
      .update(submissions)
      .set({ values, version: sql`${submissions.version} + 1`, updatedAt: now, updatedBy: userId })
      .where(and(eq(submissions.id, id), eq(submissions.version, version), eq(submissions.status, 'draft')))
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

export const insertFile = async (
  db: Executor,
  f: { sha256: string; size: number; mime: string; filename: string; userId: string; now: Date },
): Promise<string> =>
  (
    await db
      .insert(files)
      .values({
        sha256: f.sha256,
        size: f.size,
        mime: f.mime,
        filename: f.filename,
        uploadedBy: f.userId,
        uploadedAt: f.now,
      })
      .returning({ id: files.id })
  )[0]!.id;

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

/** The agency's submitted values of the year before, for the year-on-year logic checks (never scored). */
export const previousYearValues = async (
  db: Executor,
  year: number,
  agencyId: string,
): Promise<Record<string, unknown> | undefined> => {
  const [row] = await db
    .select({ values: submissions.values })
    .from(submissions)
    .innerJoin(cycles, eq(cycles.id, submissions.cycleId))
    .where(
      and(eq(cycles.year, year - 1), eq(submissions.agencyId, agencyId), eq(submissions.status, 'submitted')),
    )
    .orderBy(desc(submissions.submittedAt))
    .limit(1);
  return row?.values as Record<string, unknown> | undefined;
};
