/** SQL of the planned field surveys: plans of a cycle with their agency and claims, writes, the people to tell. */
import { and, asc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import {
  type ClaimOutcome,
  cycleAgencies,
  cycles,
  surveyPlanClaims,
  surveyPlans,
  users,
} from '../../db/schema.ts';

export type PlanRow = typeof surveyPlans.$inferSelect;
export type PlanClaimRow = typeof surveyPlanClaims.$inferSelect;

export interface PlanListRow extends PlanRow {
  readonly year: number;
  readonly agencyCode: string;
  readonly agencyName: string;
  readonly groupId: string;
  readonly createdByName: string | null;
  readonly repliedByName: string | null;
}

const nameOf = (col: typeof surveyPlans.createdBy | typeof surveyPlans.repliedBy) =>
  sql<string | null>`(select display_name from users u where u.id = ${col})`;

/** Plans of a cycle (of one agency when given), by visit date. */
export async function listPlans(
  db: Executor,
  where: { cycleId?: string; agencyId?: string; ids?: readonly string[]; changedSince?: Date },
): Promise<PlanListRow[]> {
  const rows = await db
    .select({
      plan: surveyPlans,
      year: cycles.year,
      agencyCode: cycleAgencies.code,
      agencyName: cycleAgencies.name,
      groupId: cycleAgencies.groupId,
      createdByName: nameOf(surveyPlans.createdBy),
      repliedByName: nameOf(surveyPlans.repliedBy),
    })
    .from(surveyPlans)
    .innerJoin(cycles, eq(cycles.id, surveyPlans.cycleId))
    .innerJoin(
      cycleAgencies,
      and(eq(cycleAgencies.cycleId, surveyPlans.cycleId), eq(cycleAgencies.agencyId, surveyPlans.agencyId)),
    )
    .where(
      and(
        where.cycleId ? eq(surveyPlans.cycleId, where.cycleId) : undefined,
        where.agencyId ? eq(surveyPlans.agencyId, where.agencyId) : undefined,
        where.ids ? inArray(surveyPlans.id, [...where.ids]) : undefined,
        where.changedSince ? gte(surveyPlans.updatedAt, where.changedSince) : undefined,
      ),
    )
    .orderBy(asc(surveyPlans.visitDate), asc(surveyPlans.createdAt));
  return rows.map((r) => ({
    ...r.plan,
    year: r.year,
    agencyCode: r.agencyCode,
    agencyName: r.agencyName,
    groupId: r.groupId,
    createdByName: r.createdByName,
    repliedByName: r.repliedByName,
  }));
}

export const claimsOf = async (db: Executor, planIds: readonly string[]): Promise<PlanClaimRow[]> =>
  planIds.length
    ? db
        .select()
        .from(surveyPlanClaims)
        .where(inArray(surveyPlanClaims.planId, [...planIds]))
        .orderBy(asc(surveyPlanClaims.position))
    : [];

export const findPlan = async (db: Executor, cycleId: string, id: string, lock = false) => {
  const q = db
    .select()
    .from(surveyPlans)
    .where(and(eq(surveyPlans.cycleId, cycleId), eq(surveyPlans.id, id)))
    .limit(1);
  return (await (lock ? q.for('update') : q))[0];
};

export async function insertPlan(
  db: Executor,
  p: {
    cycleId: string;
    agencyId: string;
    visitDate: string;
    team: string;
    purpose: string;
    claims: readonly { fieldKey: string; why: string }[];
    userId: string;
    now: Date;
  },
): Promise<PlanRow> {
  const [row] = await db
    .insert(surveyPlans)
    .values({
      cycleId: p.cycleId,
      agencyId: p.agencyId,
      visitDate: p.visitDate,
      team: p.team,
      purpose: p.purpose,
      createdBy: p.userId,
      createdAt: p.now,
      updatedAt: p.now,
    })
    .returning();
  if (p.claims.length)
    await db
      .insert(surveyPlanClaims)
      .values(p.claims.map((c, i) => ({ planId: row!.id, position: i, fieldKey: c.fieldKey, why: c.why })));
  return row!;
}

export const updatePlan = async (db: Executor, id: string, set: Partial<typeof surveyPlans.$inferInsert>) => {
  await db.update(surveyPlans).set(set).where(eq(surveyPlans.id, id));
};

export const setOutcome = async (
  db: Executor,
  planId: string,
  fieldKey: string,
  outcome: ClaimOutcome,
  observed: unknown,
) => {
  await db
    .update(surveyPlanClaims)
    .set({ outcome, observed: observed === undefined ? null : observed })
    .where(and(eq(surveyPlanClaims.planId, planId), eq(surveyPlanClaims.fieldKey, fieldKey)));
};

/** The addresses of the department who plan visits (administrators, assessors), and of one creator. */
export const emailOf = async (db: Executor, userId: string | null): Promise<string[]> =>
  userId
    ? (
        await db
          .select({ email: users.email })
          .from(users)
          .where(and(eq(users.id, userId), eq(users.active, true), isNotNull(users.email)))
      ).map((r) => r.email!)
    : [];

/** Plans an assessor made that the agency answered since a time (the assessor's bell). */
export const repliedSince = (db: Executor, userId: string, since: Date) =>
  listPlans(db, { changedSince: since }).then((rows) =>
    rows.filter(
      (r) =>
        r.createdBy === userId &&
        r.repliedAt !== null &&
        r.repliedAt >= since &&
        (r.status === 'confirmed' || r.status === 'reschedule'),
    ),
  );
