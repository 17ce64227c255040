/**
 * The claims the system proposes to verify on a visit, by risk, each with why: the criteria whose
 * self-assessment and official score differ much (their agency fields), the fields the review's
 * logic and cross-source checks warn about, and the figures that jumped from last year's official
 * value. The assessor picks from them; the page shows the reasons.
 */
import { formatNumber, formatPointsFixed } from '../../../core/format.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { displayValue } from '../review/compare.ts';
import { readReviewPage } from '../review/read-review.ts';
import { groupOf, loadReview } from '../review/review-context.ts';
import { previousOfficialValues } from '../scoring/cycle-data.ts';
import type { AgencyParams, Proposals, ProposalsQuery, ProposedClaim } from './surveys.schema.ts';

const pts = (p: number) => formatPointsFixed(Math.round(p * 100), 'vi');

/**
 * The claims by the rules of `input` (schema defaults: a gap from a quarter of the criterion's
 * maximum and at least one point, a jump from half of last year's value).
 */
export async function proposeClaims(
  deps: AppDeps,
  caller: Caller,
  input: AgencyParams & ProposalsQuery,
): Promise<Proposals> {
  const gapShare = input.gap / 100;
  const jumpShare = input.jump / 100;
  const db = deps.database.db;
  // The review page's own reading (and its access rule): the same comparison and checks it shows.
  const page = await readReviewPage(deps, caller, input);
  const ctx = await loadReview(db, input.cycleId, input.agencyId);
  const { group } = await groupOf(db, ctx.cycle, ctx.entry.groupId);
  const agencyFields = new Map(page.values.filter((v) => v.source === 'agency').map((v) => [v.key, v]));
  const out = new Map<string, ProposedClaim['reasons']>();
  const add = (key: string, reason: ProposedClaim['reasons'][number]) => {
    if (!agencyFields.has(key)) return;
    const list = out.get(key) ?? [];
    if (!list.some((r) => r.text === reason.text)) list.push(reason);
    out.set(key, list);
  };

  for (const c of page.comparison.criteria) {
    const gap = Math.abs(c.difference);
    if (gap < 1 || gap < c.max * gapShare) continue;
    for (const key of c.fields)
      add(key, {
        kind: 'gap',
        text: `Tiêu chí ${c.id}: tự chấm ${pts(c.self.points)} điểm, sau thẩm định ${pts(c.official.points)} điểm (chênh ${pts(gap)} điểm)`,
      });
  }
  for (const f of page.findings)
    for (const key of f.fields) add(key, { kind: 'warning', text: `Cảnh báo kiểm tra: ${f.message.vi}` });

  const previous = (await previousOfficialValues(db, ctx.cycle, [input.agencyId])).get(input.agencyId);
  if (previous)
    for (const v of agencyFields.values()) {
      const before = previous[v.key];
      const now = v.officialValue;
      if (typeof before !== 'number' || typeof now !== 'number' || before <= 0) continue;
      const change = (now - before) / before;
      if (Math.abs(change) < jumpShare) continue;
      add(v.key, {
        kind: 'jump',
        text: `Năm trước ${formatNumber(before, 'vi')}, năm nay ${formatNumber(now, 'vi')} (${change > 0 ? '+' : ''}${formatNumber(Math.round(change * 100), 'vi')}%)`,
      });
    }

  const order = page.values.map((v) => v.key);
  return {
    rules: { gap: input.gap, jump: input.jump },
    claims: [...out]
      .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
      .map(([key, reasons]) => {
        const field = group.fieldsByKey.get(key);
        const v = agencyFields.get(key)!;
        return {
          fieldKey: key,
          label: v.label,
          currentShown: {
            vi: displayValue(field, v.officialValue, 'vi'),
            en: displayValue(field, v.officialValue, 'en'),
          },
          reasons,
        };
      }),
  };
}
