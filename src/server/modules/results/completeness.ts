/**
 * Whether the verified data of a cycle is complete enough to approve: every agency that will be
 * ranked (submitted on time) has each required value of its group — the reviewer's marks such as
 * the data-quality points, and the website monitoring values from at least one check — and no
 * N/A claim still waits for a decision. The same rule `chiso score` applies to a cycle file
 * (src/core/input/cycle.ts), so an approved result can always be recomputed from its data.
 */
import type { CompiledSet } from '../../../core/criteria/compile.ts';
import { missingRequired } from '../../../core/input/cycle.ts';
import type { Text } from '../../../core/types.ts';
import type { CycleRow } from '../cycles/cycles.repo.ts';
import { type AgencyRecord, officialValues } from '../scoring/cycle-data.ts';

export interface Incomplete {
  agencyId: string;
  code: string;
  name: string;
  /** What is missing, in words: "thiếu: Điểm chất lượng số liệu; chưa quyết định N/A 3.11". */
  missing: Text;
}

const has = (values: Record<string, unknown>, key: string) =>
  Object.hasOwn(values, key) && values[key] !== null && values[key] !== undefined;

export function incompleteAgencies(
  set: CompiledSet,
  cycle: Pick<CycleRow, 'deadline'>,
  records: readonly AgencyRecord[],
): Incomplete[] {
  const out: Incomplete[] = [];
  for (const r of records) {
    const sub = r.submission;
    if (sub?.status !== 'submitted' || !sub.submittedAt || sub.submittedAt >= cycle.deadline) continue;
    const group = set.groupsById.get(r.groupId);
    if (!group) continue;
    const values = officialValues(r);
    const missing = missingRequired(group.fields, (key) => has(values, key), r.websiteChecks);
    const pending = r.claims.filter((c) => c.status === 'claimed').map((c) => c.criterionId);
    if (missing.length === 0 && pending.length === 0) continue;
    const monitoring = missing.filter((f) => f.source === 'monitoring');
    const others = missing.filter((f) => f.source !== 'monitoring');
    const vi: string[] = [];
    const en: string[] = [];
    if (others.length) {
      vi.push(`thiếu ${others.map((f) => f.label.vi).join('; ')}`);
      en.push(`missing ${others.map((f) => f.label.en ?? f.label.vi).join('; ')}`);
    }
    if (monitoring.length) {
      vi.push('chưa có kết quả kiểm tra trang TTĐT');
      en.push('no website check');
    }
    if (pending.length) {
      vi.push(`chưa quyết định đề nghị không áp dụng ${pending.join(', ')}`);
      en.push(`N/A claims undecided: ${pending.join(', ')}`);
    }
    out.push({
      agencyId: r.agencyId,
      code: r.code,
      name: r.name,
      missing: { vi: vi.join('; '), en: en.join('; ') },
    });
  }
  return out;
}
