/**
 * `npm start -- --demo`: a complete sample year, so that a newcomer sees the whole system at once —
 * the 2017 cycle of Cao Bằng's 33 agencies (plausible data, two late, one missing), website checks,
 * confirmed N/A claims, the department's data-quality marks, approved and published; and one
 * account per role with a known password. Loading twice does nothing the second time.
 */
import { eq } from 'drizzle-orm';
import { vnMidnight } from '../core/calendar/time.ts';
import type { CompiledSet } from '../core/criteria/compile.ts';
import { sampleCycle as makeSample, SAMPLE_YEAR, type sampleCycle } from '../sample/cao-bang.ts';
import type { Db } from './db/open.ts';
import {
  agencies,
  criteriaVersions,
  cycleAgencies,
  cycles,
  naClaims,
  type Role,
  reviewValues,
  submissions,
  users,
  websiteChecks,
} from './db/schema.ts';
import { approve } from './modules/results/approve.ts';
import { publish } from './modules/results/publish.ts';
import { criteriaVersion } from './modules/scoring/criteria-cache.ts';
import { submissionContent } from './modules/submissions/submit.ts';
import { hashPassword, type SessionUser } from './platform/auth.ts';
import { contentHash } from './platform/canonical.ts';
import type { AppDeps } from './platform/http.ts';

/** The reason the sample agencies give for a criterion that does not apply to them. */
const NA_REASON = 'Không có nhiệm vụ này trong năm';

/** The password of every demo account (printed at start; demo data only). */
export const DEMO_PASSWORD = 'Demo-chiso-2017';

const DEMO_USERS: readonly { username: string; displayName: string; role: Role; agency?: string }[] = [
  { username: 'thamdinh', displayName: 'Cán bộ thẩm định (Sở TT&TT)', role: 'assessor' },
  { username: 'pheduyet', displayName: 'Thành viên Ban Chỉ đạo', role: 'approver' },
  { username: 'noivu', displayName: 'Cán bộ Sở Nội vụ', role: 'viewer' },
  { username: 'stttt', displayName: 'Cán bộ báo cáo Sở TT&TT', role: 'reporter', agency: 'STTTT' },
  { username: 'hoaan', displayName: 'Cán bộ báo cáo UBND huyện Hòa An', role: 'reporter', agency: 'HHA' },
];

/**
 * Puts a sample year into the tables the way the modules store it: the agency's own values on
 * the submission, N/A claims confirmed, website checks as the department's, the data-quality mark
 * as a reviewer value.
 */
export async function loadSampleYear(
  db: Db,
  set: CompiledSet,
  cycleId: string,
  sample: ReturnType<typeof sampleCycle>,
) {
  for (const a of sample.agencies) {
    const [agency] = await db.select().from(agencies).where(eq(agencies.code, a.code));
    if (!agency) continue;
    for (const c of a.websiteChecks)
      await db
        .insert(websiteChecks)
        .values({ agencyId: agency.id, checkedAt: new Date(c.checkedAt), values: c.values });
    if (a.submittedAt === null) continue;
    const own = Object.fromEntries(
      Object.entries(a.values).filter(([k]) => set.fieldsByKey.get(k)?.source === 'agency'),
    );
    const submittedAt = new Date(a.submittedAt);
    const attestation = { attestedName: 'Nguyễn Văn A', attestedTitle: 'Thủ trưởng cơ quan' };
    const claims = a.notApplicable.map((criterionId) => ({ criterionId, reason: NA_REASON }));
    const [sub] = await db
      .insert(submissions)
      .values({
        cycleId,
        agencyId: agency.id,
        status: 'submitted',
        values: own,
        submittedAt,
        ...attestation,
        // The hash a real submission gets, so that the sample forms have their receipt too.
        contentHash: contentHash(
          submissionContent({
            cycleId,
            agencyId: agency.id,
            values: own,
            claims,
            ...attestation,
            submittedAt,
          }),
        ),
      })
      .returning();
    for (const id of a.notApplicable)
      await db.insert(naClaims).values({
        submissionId: sub!.id,
        criterionId: id,
        reason: NA_REASON,
        status: 'confirmed',
      });
    for (const [key, value] of Object.entries(a.values))
      if (set.fieldsByKey.get(key)?.source === 'reviewer')
        await db
          .insert(reviewValues)
          .values({ submissionId: sub!.id, fieldKey: key, kind: 'reviewer', newValue: value });
  }
}

/** Loads the demo year; returns the lines to print. */
export async function loadDemo(deps: AppDeps): Promise<string> {
  const db = deps.database.db;
  const accounts = `Tài khoản mẫu (mật khẩu ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => `${u.username} (${roleName(u.role)})`).join(', ')}`;
  const existing = await db.select({ id: cycles.id }).from(cycles).where(eq(cycles.year, SAMPLE_YEAR));
  if (existing.length) return `Năm mẫu ${SAMPLE_YEAR} đã có sẵn. ${accounts}`;

  const now = deps.clock.now();
  const hash = await hashPassword(DEMO_PASSWORD);
  const people = new Map<string, SessionUser>();
  for (const u of DEMO_USERS) {
    const agencyId = u.agency
      ? ((await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, u.agency)))[0]?.id ??
        null)
      : null;
    const found = (await db.select().from(users).where(eq(users.username, u.username)))[0];
    const row =
      found ??
      (
        await db
          .insert(users)
          .values({
            username: u.username,
            displayName: u.displayName,
            passwordHash: hash,
            role: u.role,
            agencyId,
            createdAt: now,
            updatedAt: now,
          })
          .returning()
      )[0]!;
    people.set(u.username, {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      role: row.role,
      agencyId: row.agencyId,
      mustChangePassword: false,
      sessionId: '',
    });
  }

  const [version] = await db
    .select()
    .from(criteriaVersions)
    .where(eq(criteriaVersions.setId, 'cao-bang-2016'));
  const { compiled } = await criteriaVersion(db, version!.id);
  const sample = makeSample();
  const [cycle] = await db
    .insert(cycles)
    .values({
      year: SAMPLE_YEAR,
      title: `Đánh giá, xếp hạng mức độ ứng dụng CNTT năm ${SAMPLE_YEAR} (dữ liệu mẫu)`,
      criteriaVersionId: version!.id,
      state: 'under_review',
      guidanceBy: new Date(vnMidnight(SAMPLE_YEAR, 10, 1)),
      deadline: new Date(vnMidnight(SAMPLE_YEAR, 11, 1)),
      publishBy: new Date(vnMidnight(SAMPLE_YEAR + 1, 1, 1)),
      announcement: 'Dữ liệu mẫu để làm quen với hệ thống; không phải kết quả thật của tỉnh.',
      openedAt: new Date(vnMidnight(SAMPLE_YEAR, 9, 25)),
      closedAt: new Date(vnMidnight(SAMPLE_YEAR, 11, 2)),
      // A past year loaded whole: its appeals (if any) happened outside the system.
      appealDays: 0,
    })
    .returning();
  const roster = await db.select().from(agencies);
  await db
    .insert(cycleAgencies)
    .values(
      roster
        .filter((a) => sample.agencies.some((s) => s.code === a.code))
        .map((a) => ({ cycleId: cycle!.id, agencyId: a.id, code: a.code, name: a.name, groupId: a.groupId })),
    );
  await loadSampleYear(db, compiled, cycle!.id, sample);

  const approver = people.get('pheduyet')!;
  // The Steering Committee's decisions, through the same use cases as the routes.
  const caller = { user: approver, requestId: 'demo' };
  await approve(deps, caller, { id: cycle!.id, note: 'Thông qua kết quả mẫu' });
  await publish(deps, caller, { id: cycle!.id });
  return `Đã nạp năm mẫu ${SAMPLE_YEAR}: 33 cơ quan, đã thẩm định và công bố. ${accounts}`;
}

function roleName(role: Role): string {
  return {
    admin: 'quản trị',
    assessor: 'thẩm định',
    approver: 'phê duyệt',
    reporter: 'báo cáo',
    viewer: 'xem',
  }[role];
}
