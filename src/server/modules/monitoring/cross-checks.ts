/**
 * Where the agency's form claims what monitoring contradicts (issue 10, 5): the review page shows
 * a warning with both sides, beside the logic checks of the form. The latest content check of the
 * cycle's monitoring period speaks for the site (its confirmed value when an assessor confirmed
 * it). Each rule: what the form claims, and the monitoring item that should then be seen.
 */
import { formatInstantVn } from '../../../core/calendar/time.ts';
import type { Text } from '../../../core/types.ts';
import type { Executor } from '../../db/open.ts';
import * as repo from './monitoring.repo.ts';
import { type StoredFinding, textOf } from './monitoring-views.ts';

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

interface CrossRule {
  readonly id: string;
  /** The monitoring item the claim implies. */
  readonly field: string;
  /** The claim as a sentence when the form makes it, else null. */
  readonly claim: (values: Readonly<Record<string, unknown>>) => Text | null;
  readonly expected: Text;
}

const RULES: readonly CrossRule[] = [
  {
    id: 'monitoring.dvc_section',
    field: 'ws_dvc_section',
    claim: (v) =>
      num(v.dvc_level3) + num(v.dvc_level4) > 0
        ? {
            vi: `Phiếu khai có dịch vụ công trực tuyến mức độ 3–4 (mức 3: ${num(v.dvc_level3)}, mức 4: ${num(v.dvc_level4)})`,
            en: `The form reports level 3–4 online services (level 3: ${num(v.dvc_level3)}, level 4: ${num(v.dvc_level4)})`,
          }
        : null,
    expected: { vi: 'mục dịch vụ công trực tuyến', en: 'an online-service section' },
  },
];

export interface CrossFinding {
  ruleId: string;
  severity: 'warning';
  message: Text;
  fields: string[];
}

/** The warnings of one agency's form against its latest content check within `window`. */
export async function crossSourceFindings(
  db: Executor,
  agencyId: string,
  values: Readonly<Record<string, unknown>>,
  window: { from: Date; to: Date },
): Promise<CrossFinding[]> {
  const latest = (await repo.snapshotsOf(db, [agencyId], window)).find((s) => s.state !== 'failed');
  if (!latest) return [];
  const findings = new Map(((latest.findings ?? []) as StoredFinding[]).map((f) => [f.field, f]));
  const decisions = (latest.decisions ?? {}) as Record<string, { value: unknown }>;
  const at = formatInstantVn(latest.startedAt.getTime()).slice(0, 10);
  const out: CrossFinding[] = [];
  for (const rule of RULES) {
    const claim = rule.claim(values);
    const seen = findings.get(rule.field);
    if (!claim || !seen) continue;
    const value = Object.hasOwn(decisions, rule.field) ? decisions[rule.field]!.value : seen.value;
    if (value !== false) continue;
    const why = textOf(seen.reason);
    out.push({
      ruleId: rule.id,
      severity: 'warning',
      message: {
        vi: `${claim.vi}, nhưng lần kiểm tra trang TTĐT ngày ${at} không thấy ${rule.expected.vi}${why ? ` (${why.vi})` : ''}. Đề nghị đối chiếu hai nguồn.`,
        en: `${claim.en}, but the website check of ${at} saw no ${rule.expected.en}${why?.en ? ` (${why.en})` : ''}. Compare both sources.`,
      },
      fields: ['dvc_level3', 'dvc_level4', rule.field],
    });
  }
  return out;
}
