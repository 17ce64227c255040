/**
 * Database fixtures for integration tests: a cycle with its roster, submissions with values and
 * claims, written straight to the tables so that a module's tests do not depend on the routes of
 * another module. (The year-through-the-API test uses the routes instead.)
 */
import { and, eq } from 'drizzle-orm';
import { defaultCycleDates } from '../src/core/calendar/time.ts';
import { bundledCompiledSet } from '../src/core/criteria/bundled.ts';
import type { Db } from '../src/server/db/open.ts';
import {
  agencies,
  type CycleState,
  criteriaVersions,
  cycleAgencies,
  cycles,
  naClaims,
  reviewValues,
  submissions,
  websiteChecks,
} from '../src/server/db/schema.ts';
import { perfectValues } from './builders.ts';

/**
 * A cycle of `year` bound to the bundled criteria version, with every registry agency on its roster.
 * Without `appealDays` it has no appeal period (publication right after approval, as before appeals).
 */
export async function createCycle(
  db: Db,
  options: { year?: number; state?: CycleState; deadline?: Date; appealDays?: number } = {},
): Promise<typeof cycles.$inferSelect> {
  const year = options.year ?? 2017;
  const dates = defaultCycleDates(year);
  const [version] = await db
    .select({ id: criteriaVersions.id })
    .from(criteriaVersions)
    .where(eq(criteriaVersions.setId, 'cao-bang-2016'));
  const [cycle] = await db
    .insert(cycles)
    .values({
      year,
      title: `Đánh giá mức độ ứng dụng CNTT năm ${year}`,
      criteriaVersionId: version!.id,
      state: options.state ?? 'open',
      guidanceBy: new Date(dates.guidanceBy),
      deadline: options.deadline ?? new Date(dates.deadline),
      publishBy: new Date(dates.publishBy),
      openedAt: new Date(dates.guidanceBy - 7 * 86_400_000),
      appealDays: options.appealDays ?? 0,
    })
    .returning();
  const all = await db.select().from(agencies);
  await db.insert(cycleAgencies).values(
    all.map((a) => ({
      cycleId: cycle!.id,
      agencyId: a.id,
      code: a.code,
      name: a.name,
      groupId: a.groupId,
    })),
  );
  return cycle!;
}

/** Values of an agency that earn every point (monitoring and reviewer fields left out, as a form has them). */
export function formValues(group: string, year = 2017): Record<string, unknown> {
  const set = bundledCompiledSet('cao-bang-2016')!;
  const values = perfectValues(set, group, year);
  for (const f of set.groupsById.get(group)!.fields) if (f.source !== 'agency') delete values[f.key];
  // Level 3 and 4 services are part of the level ≥ 2 ones (check V17): 5 + 5 of 10.
  values.dvc_level3 = 5;
  values.dvc_level4 = 5;
  return values;
}

/** Monitoring values of a perfect website, for a website check. */
export function perfectWebsite(group: string, year = 2017): Record<string, unknown> {
  const set = bundledCompiledSet('cao-bang-2016')!;
  const values = perfectValues(set, group, year);
  return Object.fromEntries(
    set.groupsById
      .get(group)!
      .fields.filter((f) => f.source === 'monitoring')
      .map((f) => [f.key, values[f.key]]),
  );
}

/**
 * The department's data-quality mark (a reviewer field, 0–2 points) on submitted reports: what
 * a review sets before the result can be approved.
 */
export async function markDataQuality(db: Db, cycleId: string, codes: readonly string[], points = 2) {
  for (const code of codes) {
    const [row] = await db
      .select({ id: submissions.id })
      .from(submissions)
      .innerJoin(agencies, eq(agencies.id, submissions.agencyId))
      .where(and(eq(submissions.cycleId, cycleId), eq(agencies.code, code)));
    if (!row) throw new Error(`no submission of ${code}`);
    await db.insert(reviewValues).values({
      submissionId: row.id,
      fieldKey: 'data_quality_points',
      kind: 'reviewer',
      oldValue: null,
      newValue: points,
      reason: 'Số liệu đầy đủ, nhất quán',
    });
  }
}

export async function createSubmission(
  db: Db,
  cycleId: string,
  agencyCode: string,
  options: {
    values?: Record<string, unknown>;
    status?: 'draft' | 'submitted';
    submittedAt?: Date;
    claims?: { criterionId: string; reason?: string; status?: 'claimed' | 'confirmed' | 'rejected' }[];
    website?: Record<string, unknown> | null;
  } = {},
): Promise<typeof submissions.$inferSelect> {
  const [agency] = await db.select().from(agencies).where(eq(agencies.code, agencyCode));
  if (!agency) throw new Error(`no agency ${agencyCode}`);
  const status = options.status ?? 'submitted';
  const [sub] = await db
    .insert(submissions)
    .values({
      cycleId,
      agencyId: agency.id,
      status,
      values: options.values ?? formValues(agency.groupId),
      submittedAt: status === 'submitted' ? (options.submittedAt ?? new Date('2017-10-20T03:00:00Z')) : null,
      attestedName: status === 'submitted' ? 'Nguyễn Văn A' : null,
      attestedTitle: status === 'submitted' ? 'Giám đốc' : null,
    })
    .returning();
  for (const c of options.claims ?? [])
    await db.insert(naClaims).values({
      submissionId: sub!.id,
      criterionId: c.criterionId,
      reason: c.reason ?? 'Không có nhiệm vụ này',
      status: c.status ?? 'claimed',
    });
  if (options.website !== null)
    await db.insert(websiteChecks).values({
      agencyId: agency.id,
      checkedAt: new Date('2017-09-15T02:00:00Z'),
      values: options.website ?? perfectWebsite(agency.groupId),
    });
  return sub!;
}
