/** SQL of the review (R10, R16, R17): queries, surveys, N/A decisions, review values, evidence. */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import {
  cycleAgencies,
  cycles,
  evidence,
  fieldSurveys,
  files,
  naClaims,
  queries,
  queryMessages,
  reviewValues,
  submissions,
  users,
} from '../../db/schema.ts';

export type QueryRow = typeof queries.$inferSelect;
export type SurveyRow = typeof fieldSurveys.$inferSelect;

/* ───────── cycle, roster, submission ───────── */

/** The cycle row share-locked: it cannot change state until the transaction ends. */
export const shareLockCycle = async (db: Executor, id: string) =>
  (await db.select().from(cycles).where(eq(cycles.id, id)).for('share').limit(1))[0];

export const cycleOfYear = async (db: Executor, year: number) =>
  (await db.select().from(cycles).where(eq(cycles.year, year)).limit(1))[0];

export const rosterEntry = async (db: Executor, cycleId: string, agencyId: string) =>
  (
    await db
      .select()
      .from(cycleAgencies)
      .where(and(eq(cycleAgencies.cycleId, cycleId), eq(cycleAgencies.agencyId, agencyId)))
      .limit(1)
  )[0];

export const submissionOf = async (db: Executor, cycleId: string, agencyId: string) =>
  (
    await db
      .select()
      .from(submissions)
      .where(and(eq(submissions.cycleId, cycleId), eq(submissions.agencyId, agencyId)))
      .limit(1)
  )[0];

/** The submission row locked: review writes on one submission happen one after the other. */
export const lockSubmission = async (db: Executor, id: string) =>
  (await db.select().from(submissions).where(eq(submissions.id, id)).for('update').limit(1))[0];

/** Display names of users, by id. */
export async function userNames(db: Executor, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** E-mail addresses of an agency's active reporters. */
export const reporterEmails = async (db: Executor, agencyId: string): Promise<string[]> =>
  (
    await db
      .select({ email: users.email })
      .from(users)
      .where(
        and(
          eq(users.agencyId, agencyId),
          eq(users.role, 'reporter'),
          eq(users.active, true),
          isNotNull(users.email),
        ),
      )
      .orderBy(asc(users.username))
  )
    .map((r) => r.email!.trim())
    .filter((e) => e.length > 0);

/** E-mail addresses of some active users (e.g. the assessor who asked a query). */
export async function userEmails(db: Executor, ids: readonly (string | null)[]): Promise<string[]> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (!wanted.length) return [];
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(inArray(users.id, wanted), eq(users.active, true), isNotNull(users.email)));
  return rows.map((r) => r.email!.trim()).filter((e) => e.length > 0);
}

/* ───────── queries ───────── */

/** Queries not closed (open, or answered and waiting for the assessor) per submission. */
export async function unclosedQueryCounts(
  db: Executor,
  submissionIds: readonly string[],
): Promise<Map<string, { open: number; answered: number }>> {
  const out = new Map<string, { open: number; answered: number }>();
  if (!submissionIds.length) return out;
  const rows = await db
    .select({ submissionId: queries.submissionId, status: queries.status, n: count() })
    .from(queries)
    .where(
      and(inArray(queries.submissionId, [...submissionIds]), inArray(queries.status, ['open', 'answered'])),
    )
    .groupBy(queries.submissionId, queries.status);
  for (const r of rows) {
    const c = out.get(r.submissionId) ?? { open: 0, answered: 0 };
    if (r.status === 'open') c.open += Number(r.n);
    else c.answered += Number(r.n);
    out.set(r.submissionId, c);
  }
  return out;
}

export const queriesOf = (db: Executor, submissionId: string) =>
  db
    .select()
    .from(queries)
    .where(eq(queries.submissionId, submissionId))
    .orderBy(asc(queries.createdAt), asc(queries.id));

export const messagesOf = (db: Executor, queryIds: readonly string[]) =>
  queryIds.length
    ? db
        .select({
          id: queryMessages.id,
          queryId: queryMessages.queryId,
          body: queryMessages.body,
          createdAt: queryMessages.createdAt,
          authorId: queryMessages.authorId,
          authorName: users.displayName,
          authorRole: users.role,
          fileId: queryMessages.fileId,
          fileName: files.filename,
          fileSize: files.size,
          fileSha256: files.sha256,
          fileMime: files.mime,
        })
        .from(queryMessages)
        .leftJoin(users, eq(users.id, queryMessages.authorId))
        .leftJoin(files, eq(files.id, queryMessages.fileId))
        .where(inArray(queryMessages.queryId, [...queryIds]))
        .orderBy(asc(queryMessages.createdAt), asc(queryMessages.id))
    : Promise.resolve([]);

/** A query with the cycle and agency it belongs to, locked when asked. */
export async function findQuery(db: Executor, id: string, lock = false) {
  const q = db
    .select({ query: queries, cycleId: submissions.cycleId, agencyId: submissions.agencyId })
    .from(queries)
    .innerJoin(submissions, eq(submissions.id, queries.submissionId))
    .where(eq(queries.id, id))
    .limit(1);
  return (await (lock ? q.for('update', { of: queries }) : q))[0];
}

export const insertQuery = async (
  db: Executor,
  q: {
    submissionId: string;
    criterionId: string | null;
    fieldKey: string | null;
    subject: string;
    createdBy: string;
    now: Date;
  },
): Promise<QueryRow> =>
  (
    await db
      .insert(queries)
      .values({
        submissionId: q.submissionId,
        criterionId: q.criterionId,
        fieldKey: q.fieldKey,
        subject: q.subject,
        status: 'open',
        createdBy: q.createdBy,
        createdAt: q.now,
      })
      .returning()
  )[0]!;

export const insertMessage = async (
  db: Executor,
  m: { queryId: string; authorId: string; body: string; now: Date; fileId?: string | null },
) =>
  (
    await db
      .insert(queryMessages)
      .values({
        queryId: m.queryId,
        authorId: m.authorId,
        body: m.body,
        fileId: m.fileId ?? null,
        createdAt: m.now,
      })
      .returning()
  )[0]!;

export const setQueryStatus = (db: Executor, id: string, status: QueryRow['status'], closedAt: Date | null) =>
  db.update(queries).set({ status, closedAt }).where(eq(queries.id, id));

/* ───────── N/A claims ───────── */

export const claimsOf = (db: Executor, submissionId: string) =>
  db
    .select()
    .from(naClaims)
    .where(eq(naClaims.submissionId, submissionId))
    .orderBy(asc(naClaims.criterionId));

export const lockClaim = async (db: Executor, submissionId: string, criterionId: string) =>
  (
    await db
      .select()
      .from(naClaims)
      .where(and(eq(naClaims.submissionId, submissionId), eq(naClaims.criterionId, criterionId)))
      .for('update')
      .limit(1)
  )[0];

export const decideClaim = (
  db: Executor,
  id: string,
  d: { status: 'confirmed' | 'rejected'; decidedBy: string; decidedAt: Date; decisionNote: string | null },
) => db.update(naClaims).set(d).where(eq(naClaims.id, id));

/* ───────── review values ───────── */

/** Every value the department set on a submission, oldest first (the latest per field counts). */
export const reviewHistory = (db: Executor, submissionId: string) =>
  db
    .select()
    .from(reviewValues)
    .where(eq(reviewValues.submissionId, submissionId))
    .orderBy(asc(reviewValues.createdAt), asc(reviewValues.id));

export const latestReviewValue = async (db: Executor, submissionId: string, fieldKey: string) =>
  (
    await db
      .select()
      .from(reviewValues)
      .where(and(eq(reviewValues.submissionId, submissionId), eq(reviewValues.fieldKey, fieldKey)))
      .orderBy(desc(reviewValues.createdAt), desc(reviewValues.id))
      .limit(1)
  )[0];

export const insertReviewValue = async (
  db: Executor,
  v: {
    submissionId: string;
    fieldKey: string;
    kind: 'correction' | 'reviewer';
    oldValue: unknown;
    newValue: unknown;
    reason: string | null;
    surveyId: string | null;
    createdBy: string;
    now: Date;
  },
) =>
  (
    await db
      .insert(reviewValues)
      .values({
        submissionId: v.submissionId,
        fieldKey: v.fieldKey,
        kind: v.kind,
        oldValue: v.oldValue,
        newValue: v.newValue,
        reason: v.reason,
        surveyId: v.surveyId,
        createdBy: v.createdBy,
        createdAt: v.now,
      })
      .returning()
  )[0]!;

/* ───────── field surveys and evidence ───────── */

export const surveysOf = (db: Executor, submissionId: string) =>
  db
    .select()
    .from(fieldSurveys)
    .where(eq(fieldSurveys.submissionId, submissionId))
    .orderBy(asc(fieldSurveys.surveyDate), asc(fieldSurveys.createdAt));

export const findSurvey = async (db: Executor, submissionId: string, id: string) =>
  (
    await db
      .select()
      .from(fieldSurveys)
      .where(and(eq(fieldSurveys.id, id), eq(fieldSurveys.submissionId, submissionId)))
      .limit(1)
  )[0];

export const insertSurvey = async (
  db: Executor,
  s: {
    submissionId: string;
    surveyDate: string;
    team: string;
    findings: string;
    createdBy: string;
    now: Date;
  },
): Promise<SurveyRow> =>
  (
    await db
      .insert(fieldSurveys)
      .values({
        submissionId: s.submissionId,
        surveyDate: s.surveyDate,
        team: s.team,
        findings: s.findings,
        createdBy: s.createdBy,
        createdAt: s.now,
      })
      .returning()
  )[0]!;

const evidenceView = {
  id: evidence.id,
  criterionId: evidence.criterionId,
  surveyId: evidence.surveyId,
  note: evidence.note,
  addedBy: evidence.addedBy,
  addedAt: evidence.addedAt,
  fileId: files.id,
  filename: files.filename,
  mime: files.mime,
  size: files.size,
  sha256: files.sha256,
};

export type EvidenceListRow = Awaited<ReturnType<typeof evidenceOf>>[number];

/** The evidence of a submission still attached (not removed), the agency's and the surveys'. */
export const evidenceOf = (db: Executor, submissionId: string) =>
  db
    .select(evidenceView)
    .from(evidence)
    .innerJoin(files, eq(files.id, evidence.fileId))
    .where(and(eq(evidence.submissionId, submissionId), isNull(evidence.removedAt)))
    .orderBy(asc(evidence.addedAt), asc(evidence.id));

export const findEvidence = async (db: Executor, submissionId: string, id: string) =>
  (
    await db
      .select(evidenceView)
      .from(evidence)
      .innerJoin(files, eq(files.id, evidence.fileId))
      .where(and(eq(evidence.id, id), eq(evidence.submissionId, submissionId), isNull(evidence.removedAt)))
      .limit(1)
  )[0];

/** Records an upload (platform/file-records.ts). */
export { insertFile } from '../../platform/file-records.ts';

export const insertEvidence = async (
  db: Executor,
  e: {
    submissionId: string;
    fileId: string;
    surveyId: string;
    note: string | null;
    addedBy: string;
    now: Date;
  },
) =>
  (
    await db
      .insert(evidence)
      .values({
        submissionId: e.submissionId,
        fileId: e.fileId,
        surveyId: e.surveyId,
        note: e.note,
        addedBy: e.addedBy,
        addedAt: e.now,
      })
      .returning({ id: evidence.id })
  )[0]!;
