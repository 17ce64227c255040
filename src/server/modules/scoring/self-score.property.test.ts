/**
 * One self-score (interchange.md, "The self-score"): for any generated submission — its values,
 * what it states about its website (any monitoring fields, or none), its N/A claims in any state,
 * any number of website checks — the number the agency sees is the
 * same through the form's code path (the browser's `recompute` on what GET …/submission gives
 * it), the receipt (GET …/submission/score, which the printed receipt shows) and the download
 * of the result (the CSV's self-score column of the document that publication freezes).
 */
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arbitraryChecks, arbitraryValue } from '../../../../test/builders.ts';
import { createCycle } from '../../../../test/fixtures.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { bundledCompiledSet, bundledSet } from '../../../core/criteria/bundled.ts';
import type { Values } from '../../../core/types.ts';
import { layoutFor, recompute } from '../../../web/features/reporter/formModel.ts';
import { type cycles, naClaims, submissions, websiteChecks } from '../../db/schema.ts';
import { csvOf } from '../results/export-formats.ts';
import { officialDocument } from '../results/result-document.ts';

const YEAR = 2017;
const SET = bundledCompiledSet('cao-bang-2016')!;
const CODE = 'STTTT';
const GROUP = 'department';
const group = SET.groupsById.get(GROUP)!;
const layout = layoutFor('cao-bang-2016', bundledSet('cao-bang-2016'), GROUP);

/** The agency's own values: any value of any of its form's fields, or none. */
const agencyValues: fc.Arbitrary<Values> = fc
  .record(
    Object.fromEntries(
      group.fields
        .filter((f) => f.source === 'agency')
        .map((f) => [f.key, fc.option(arbitraryValue(f, YEAR), { nil: undefined })]),
    ),
  )
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));

/** What the agency states about its website on its form: any of the monitoring fields, or none. */
const statedValues: fc.Arbitrary<Values> = fc
  .record(
    Object.fromEntries(
      group.fields
        .filter((f) => f.source === 'monitoring')
        .map((f) => [f.key, fc.option(arbitraryValue(f, YEAR), { nil: undefined, freq: 2 })]),
    ),
  )
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));

const claims = fc.uniqueArray(
  fc.record({
    criterionId: fc.constantFrom(...group.criteria.filter((k) => k.naAllowed).map((k) => k.id)),
    status: fc.constantFrom('claimed' as const, 'confirmed' as const, 'rejected' as const),
  }),
  { selector: (c) => c.criterionId, maxLength: 3 },
);

/** Checks of the year, at distinct days (the latest must be one). */
const checks = arbitraryChecks(SET, GROUP, YEAR).chain((list) =>
  fc
    .uniqueArray(fc.integer({ min: 2, max: 360 }), { minLength: list.length, maxLength: list.length })
    .map((days) =>
      list.map((c, i) => ({
        values: c.values,
        checkedAt: new Date(Date.UTC(YEAR, 0, 1) + days[i]! * 86_400_000),
      })),
    ),
);

let s: TestServer;
let cycle: typeof cycles.$inferSelect;
let agencyId: string;
let reporter: string;

beforeAll(async () => {
  s = await testServer();
  cycle = await createCycle(s.deps.database.db, { state: 'open' });
  agencyId = await s.agencyId(CODE);
  reporter = await s.as('reporter', CODE);
});
afterAll(() => s.close());

describe('the self-score of any submission', () => {
  it('is the same on the form, on the receipt and in the download', async () => {
    const db = s.deps.database.db;
    const url = `/api/v1/cycles/${cycle.id}/agencies/${agencyId}/submission`;
    await fc.assert(
      fc.asyncProperty(
        agencyValues,
        statedValues,
        claims,
        checks,
        async (own, stated, claimList, checkList) => {
          // The form keeps the agency's statements about its website beside its own values.
          const values = { ...own, ...stated };
          await db.delete(websiteChecks).where(eq(websiteChecks.agencyId, agencyId));
          const [old] = await db.select().from(submissions).where(eq(submissions.agencyId, agencyId));
          if (old) {
            await db.delete(naClaims).where(eq(naClaims.submissionId, old.id));
            await db.delete(submissions).where(eq(submissions.id, old.id));
          }
          const [sub] = await db
            .insert(submissions)
            .values({
              cycleId: cycle.id,
              agencyId,
              status: 'submitted',
              values,
              submittedAt: new Date('2017-10-20T03:00:00Z'),
              attestedName: 'Nguyễn Văn A',
              attestedTitle: 'Giám đốc',
            })
            .returning();
          for (const c of claimList)
            await db.insert(naClaims).values({
              submissionId: sub!.id,
              criterionId: c.criterionId,
              reason: 'Không có nhiệm vụ',
              status: c.status,
            });
          for (const c of checkList) await db.insert(websiteChecks).values({ agencyId, ...c });

          // The form: the browser's recompute on what the form's GET gives it.
          const form = (await s.request({ method: 'GET', url, cookie: reporter })).json();
          const live = recompute(
            layout,
            form.values,
            form.claims,
            form.cycle.year,
            Date.parse(form.cycle.deadline),
            CODE,
            form.websiteCheck,
            form.previousValues,
          );
          // The receipt: the self-score the receipt page prints.
          const receipt = (await s.request({ method: 'GET', url: `${url}/score`, cookie: reporter })).json();
          // The download: the CSV of the document publication would freeze now.
          const { content } = await officialDocument(db, cycle, {
            revision: 0,
            reason: null,
            publishedAt: new Date(),
          });
          const row = csvOf(content)
            .split('\r\n')
            .find((line) => line.includes(`"${CODE}"`))!
            .split(',"')
            .map((f) => f.replace(/"/g, ''));
          const exported = Number(row.at(-1)!.replace(',', '.'));

          expect(receipt.total).toBe(live.score.total / 100);
          expect(exported).toBe(live.score.total / 100);
          expect(receipt.criteria.map((k: { points: number }) => k.points)).toEqual(
            live.score.criteria.map((k) => k.points / 100),
          );
        },
      ),
      { numRuns: 25 },
    );
  });
});
