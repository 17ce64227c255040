import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle, createSubmission, formValues } from '../../../../test/fixtures.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { auditLog } from '../../db/schema.ts';
import { runDueJobs, silentLog } from '../../platform/jobs.ts';
import { registerBackgroundWork } from '../../scheduler.ts';

const TOTAL = Number(formValues('department').total_staff);
const HALF = Math.floor(TOTAL / 2);

describe('field surveys planned (issue 14, item 4)', () => {
  let s: TestServer;
  let cycleId: string;
  let stttt: string;
  let planId: string;
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
    s.request({ method, url: `/api/v1/cycles/${cycleId}${url}`, cookie, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    // Wednesday 15/11/2017, 10:00 in Hà Nội.
    s = await testServer({ now: '2017-11-15T03:00:00Z' });
    registerBackgroundWork();
    const db = s.deps.database.db;
    // Last year's published figures: bandwidth 4 → 10 this year (+150 %), documents sent 8 → 10
    // (+25 %), computers by staff 10 → 5 once corrected below (−50 %, the limit counts).
    const last = (await createCycle(db, { year: 2016, state: 'published' })).id;
    await createSubmission(db, last, 'STTTT', {
      values: { ...formValues('department', 2016), internet_bandwidth_mbps: 4, docs_out_total: 8 },
      submittedAt: new Date('2016-10-20T03:00:00Z'),
    });
    cycleId = (await createCycle(db, { state: 'under_review' })).id;
    // The agency claims every staff has a computer; half have one: criterion 1.1 is a risk.
    await createSubmission(db, cycleId, 'STTTT', { values: { ...formValues('department') } });
    await createSubmission(db, cycleId, 'STC');
    stttt = await s.agencyId('STTTT');
    await s.as('reporter', 'STTTT');
    // The department corrects the figure first: self and official now differ on 1.1.
    const fix = await api('PUT', `/review/${stttt}/values/staff_with_computer`, await s.as('assessor'), {
      value: HALF,
      reason: 'Danh sách tài sản chỉ ghi một nửa số máy',
    });
    expect(fix.statusCode).toBe(200);
  });
  afterAll(() => s.close());

  it('proposes the figures to verify by risk, each with why', async () => {
    const res = await api('GET', `/agencies/${stttt}/survey-proposals`, await s.as('assessor'));
    expect(res.statusCode).toBe(200);
    const claim = res.json().claims.find((c: { fieldKey: string }) => c.fieldKey === 'staff_with_computer');
    expect(claim.reasons).toContainEqual({
      kind: 'gap',
      text: expect.stringMatching(
        /^Tiêu chí 1\.1: tự chấm 5,00 điểm, sau thẩm định [\d,]+ điểm \(chênh [\d,]+ điểm\)$/,
      ),
    });
    expect(claim.currentShown.vi).toBe(String(HALF));
  });

  it("proposes the figures that moved by half or more from last year's official value, by this year's official one", async () => {
    const res = await api('GET', `/agencies/${stttt}/survey-proposals`, await s.as('assessor'));
    const claims: { fieldKey: string; reasons: { kind: string; text: string }[] }[] = res.json().claims;
    const jumps = (key: string) =>
      claims.find((c) => c.fieldKey === key)?.reasons.filter((r) => r.kind === 'jump') ?? [];
    expect(jumps('internet_bandwidth_mbps')).toEqual([
      { kind: 'jump', text: 'Năm trước 4, năm nay 10 (+150%)' },
    ]);
    // The department's correction (10 → 5) is what is compared: exactly half counts.
    expect(jumps('staff_with_computer')).toEqual([
      { kind: 'jump', text: `Năm trước ${TOTAL}, năm nay ${HALF} (-50%)` },
    ]);
    // A quarter is an ordinary change, and an unchanged figure is no risk.
    expect(jumps('docs_out_total')).toEqual([]);
    expect(jumps('total_computers')).toEqual([]);
    expect(res.json().rules).toEqual({ gap: 25, jump: 50 });
  });

  it('lets the assessor set the rules for a visit: a smaller jump, a larger gap; out-of-range rules refused by name', async () => {
    const assessor = await s.as('assessor');
    const res = await api('GET', `/agencies/${stttt}/survey-proposals?gap=100&jump=20`, assessor);
    expect(res.statusCode).toBe(200);
    const claims: { fieldKey: string; reasons: { kind: string; text: string }[] }[] = res.json().claims;
    const kinds = (key: string) => claims.find((c) => c.fieldKey === key)?.reasons.map((r) => r.kind) ?? [];
    expect(res.json().rules).toEqual({ gap: 100, jump: 20 });
    // +25 % is a jump from 20 %; a gap of half the maximum is none at 100 %.
    expect(kinds('docs_out_total')).toEqual(['jump']);
    expect(kinds('staff_with_computer')).not.toContain('gap');
    for (const [query, field] of [
      ['jump=5', 'jump'],
      ['gap=101', 'gap'],
      ['gap=abc', 'gap'],
    ] as const) {
      const bad = await api('GET', `/agencies/${stttt}/survey-proposals?${query}`, assessor);
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json().error.field, query).toBe(field);
    }
  });

  it('plans a visit, refusing a past date, no claims or a figure not on the form; the agency hears of it', async () => {
    const assessor = await s.as('assessor');
    const plan = {
      visitDate: '2017-11-20',
      team: 'Nguyễn Văn A, Trần Thị B (Phòng CNTT)',
      purpose: 'Xác minh số máy tính và cán bộ',
      claims: [
        { fieldKey: 'staff_with_computer', why: 'Tự chấm và thẩm định chênh lệch ở tiêu chí 1.1' },
        { fieldKey: 'total_staff', why: 'Mẫu số của tỷ lệ' },
      ],
    };
    const refusals: [object, string][] = [
      [{ ...plan, visitDate: '2017-11-14' }, 'visitDate'],
      [{ ...plan, claims: [] }, 'claims'],
      [{ ...plan, claims: [{ fieldKey: 'khong_co', why: 'x' }] }, 'claims'],
      [{ ...plan, purpose: '' }, 'purpose'],
    ];
    for (const [payload, field] of refusals) {
      const res = await api('POST', `/agencies/${stttt}/survey-plans`, assessor, payload);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    const before = s.mails.length;
    const res = await api('POST', `/agencies/${stttt}/survey-plans`, assessor, plan);
    expect(res.statusCode).toBe(201);
    planId = res.json().id;
    expect(res.json()).toMatchObject({
      status: 'planned',
      statusLabel: { vi: 'Chờ cơ quan xác nhận' },
      visitDate: '2017-11-20',
      agency: { code: 'STTTT' },
      claims: [
        { fieldKey: 'staff_with_computer', current: HALF, outcome: null, toCorrect: false },
        { fieldKey: 'total_staff', current: TOTAL, outcome: null },
      ],
    });
    const [audited] = await s.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'survey_plan.create'), eq(auditLog.entityId, planId)));
    expect(audited).toMatchObject({ agencyId: stttt, cycleId });

    expect(await runDueJobs(s.deps, silentLog)).toMatchObject({ failed: 0 });
    const [mail] = s.mails.slice(before);
    expect(mail!.to).toEqual(['reporter-stttt@example.test']);
    expect(mail!.subject).toBe('[Đánh giá CNTT 2017] Sở TT&TT khảo sát thực tế tại cơ quan ngày 20/11/2017');
    expect(mail!.text).toContain('Tự chấm và thẩm định chênh lệch ở tiêu chí 1.1');

    const bell = await s.request({
      method: 'GET',
      url: '/api/v1/notifications',
      cookie: await s.as('reporter', 'STTTT'),
    });
    expect(bell.json().items).toContainEqual(
      expect.objectContaining({
        kind: 'survey_plan',
        link: '/bao-cao',
        key: `survey-plan:${planId}:2017-11-20`,
      }),
    );
  });

  it('lets only the agency read and answer its plan: another date with a reason, then confirmed', async () => {
    const reporter = await s.as('reporter', 'STTTT');
    const other = await s.as('reporter', 'STC');
    const own = await api('GET', '/survey-plans', reporter);
    expect(own.json().plans.map((p: { id: string }) => p.id)).toEqual([planId]);
    expect((await api('GET', '/survey-plans', other)).json().plans).toEqual([]);
    expect((await api('GET', `/survey-plans?agencyId=${stttt}`, other)).statusCode).toBe(403);
    expect((await api('POST', `/survey-plans/${planId}/reply`, other, { accept: true })).statusCode).toBe(
      404,
    );

    const noReason = await api('POST', `/survey-plans/${planId}/reply`, reporter, {
      accept: false,
      proposedDate: '2017-11-22',
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('reason');
    const asked = await api('POST', `/survey-plans/${planId}/reply`, reporter, {
      accept: false,
      proposedDate: '2017-11-22',
      reason: 'Thủ trưởng đi công tác ngày 20/11',
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toMatchObject({ status: 'reschedule', proposedDate: '2017-11-22' });
    const bell = await s.request({
      method: 'GET',
      url: '/api/v1/notifications',
      cookie: await s.as('assessor'),
    });
    expect(bell.json().items).toContainEqual(
      expect.objectContaining({ kind: 'survey_reply', link: `/ky/${cycleId}/tham-dinh/${stttt}` }),
    );

    const moved = await api('PUT', `/survey-plans/${planId}/date`, await s.as('assessor'), {
      visitDate: '2017-11-22',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'planned', visitDate: '2017-11-22' });
    const confirmed = await api('POST', `/survey-plans/${planId}/reply`, reporter, { accept: true });
    expect(confirmed.json()).toMatchObject({
      status: 'confirmed',
      statusLabel: { vi: 'Cơ quan đã xác nhận' },
    });
    // The agency's history keeps the visit's course; another agency's does not.
    const history = async (cookie: string) =>
      (await s.request({ method: 'GET', url: '/api/v1/audit-log?limit=200', cookie })).json().entries as {
        action: string;
      }[];
    expect(
      (await history(reporter)).map((e) => e.action).filter((a) => a.startsWith('survey_plan.')),
    ).toEqual(['survey_plan.confirm', 'survey_plan.move', 'survey_plan.reschedule', 'survey_plan.create']);
    expect((await history(other)).filter((e) => e.action.startsWith('survey_plan.'))).toEqual([]);
  });

  it('records the findings on the day as the survey record, and a correction cites it', async () => {
    let assessor = await s.as('assessor');
    const findings = {
      claims: [
        { fieldKey: 'staff_with_computer', outcome: 'differs', observed: TOTAL - 2 },
        { fieldKey: 'total_staff', outcome: 'confirmed' },
      ],
      note: 'Đã đối chiếu sổ tài sản',
    };
    const early = await api('POST', `/survey-plans/${planId}/findings`, assessor, findings);
    expect(early.statusCode).toBe(409);
    s.clock.set('2017-11-22T08:00:00Z');
    // A week later: signed in again.
    assessor = await s.login('assessor-x');
    const partial = await api('POST', `/survey-plans/${planId}/findings`, assessor, {
      claims: [findings.claims[1]],
    });
    expect(partial.statusCode).toBe(400);
    const noValue = await api('POST', `/survey-plans/${planId}/findings`, assessor, {
      claims: [{ fieldKey: 'staff_with_computer', outcome: 'differs' }, findings.claims[1]],
    });
    expect(noValue.statusCode).toBe(400);
    expect(noValue.json().error.message).toMatch(/^Hãy ghi giá trị thực tế của/);
    expect(
      (await api('POST', `/survey-plans/${planId}/findings`, await s.login('reporter-stttt'), findings))
        .statusCode,
    ).toBe(403);

    const res = await api('POST', `/survey-plans/${planId}/findings`, assessor, findings);
    expect(res.statusCode).toBe(201);
    const { surveyId, plan } = res.json();
    expect(plan).toMatchObject({
      status: 'done',
      surveyId,
      claims: [
        { fieldKey: 'staff_with_computer', outcome: 'differs', observed: TOTAL - 2, toCorrect: true },
        { fieldKey: 'total_staff', outcome: 'confirmed', toCorrect: false },
      ],
    });
    const page = await api('GET', `/review/${stttt}`, assessor);
    const survey = page.json().surveys.find((x: { id: string }) => x.id === surveyId);
    expect(survey).toMatchObject({ surveyDate: '2017-11-22', team: 'Nguyễn Văn A, Trần Thị B (Phòng CNTT)' });
    expect(survey.findings).toContain(`khác, thực tế ${TOTAL - 2}`);
    expect(survey.findings).toContain('Đã đối chiếu sổ tài sản');
    expect((await api('POST', `/survey-plans/${planId}/findings`, assessor, findings)).statusCode).toBe(409);

    const fix = await api('PUT', `/review/${stttt}/values/staff_with_computer`, assessor, {
      value: TOTAL - 2,
      reason: 'Theo kết quả khảo sát thực tế',
      surveyId,
    });
    expect(fix.statusCode).toBe(200);
    const after = await api('GET', `/survey-plans?agencyId=${stttt}`, assessor);
    expect(after.json().plans[0].claims[0]).toMatchObject({ current: TOTAL - 2, toCorrect: false });
    const actions = (
      await s.deps.database.db.select().from(auditLog).where(eq(auditLog.entityId, planId))
    ).map((r) => r.action);
    expect(actions).toEqual([
      'survey_plan.create',
      'survey_plan.reschedule',
      'survey_plan.move',
      'survey_plan.confirm',
      'survey_plan.findings',
    ]);
  });
});
