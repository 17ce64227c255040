/**
 * The filtered history as a CSV file that Excel opens with Vietnamese intact (UTF-8 with BOM,
 * every field quoted, formulas defused; the results' CSV conventions): one line per row of the
 * log, newest first, the sentence and its changes in words. At most EXPORT_MAX lines: a wider
 * request ends with a line that says so.
 */
import { formatInstantVn, VN_OFFSET_MS } from '../../../core/calendar/time.ts';
import { formatNumber } from '../../../core/format.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { ROLE_LABELS } from '../cycles/cycle-states.ts';
import { field as csvField } from '../results/export-formats.ts';
import { canReadHistory, historyScope } from './audit.policy.ts';
import * as repo from './audit.repo.ts';
import type { HistoryEntry, HistoryFilter } from './audit.schema.ts';
import { describeEntry } from './describe-entry.ts';
import { loadEntryFacts } from './entry-facts.ts';
import { entryFilter } from './history-filter.ts';

export const EXPORT_MAX = 20_000;
const BATCH = 1000;

const HEADER = [
  'Số',
  'Thời điểm (giờ Việt Nam)',
  'Người thực hiện',
  'Vai trò',
  'Cơ quan',
  'Nội dung',
  'Chi tiết',
  'Lý do',
];

function line(e: HistoryEntry): string[] {
  return [
    String(e.id),
    formatInstantVn(Date.parse(e.at)),
    e.actor?.displayName ?? 'Hệ thống',
    e.actor?.role ? ROLE_LABELS[e.actor.role].vi : '',
    e.agency?.name ?? '',
    e.summary.vi,
    e.changes.map((c) => `${c.label.vi}: ${c.before?.vi ?? '—'} → ${c.after?.vi ?? '—'}`).join('; '),
    e.reason ?? '',
  ];
}

export async function exportHistory(
  deps: AppDeps,
  caller: Caller,
  input: HistoryFilter,
): Promise<{ body: string; filename: string }> {
  authorize(canReadHistory(caller.user, input.agencyId));
  const scope = historyScope(caller.user)!;
  const db = deps.database.db;
  const filter = entryFilter(input, scope);
  const lines: string[][] = [HEADER];
  let before: number | undefined;
  let written = 0;
  let more = true;
  while (more && written < EXPORT_MAX) {
    const want = Math.min(BATCH, EXPORT_MAX - written);
    const rows = await repo.listEntries(db, filter, { before, limit: want + 1 });
    const page = rows.slice(0, want);
    const facts = await loadEntryFacts(db, page);
    for (const r of page) lines.push(line(describeEntry(r, facts, scope.showAddress)));
    written += page.length;
    more = rows.length > want;
    before = page[page.length - 1]?.id;
  }
  if (more)
    lines.push([
      '',
      '',
      '',
      '',
      '',
      `Tệp chỉ gồm ${formatNumber(EXPORT_MAX, 'vi')} dòng mới nhất; hãy thu hẹp bộ lọc (khoảng ngày, cơ quan) để tải phần còn lại.`,
      '',
      '',
    ]);
  const today = new Date(deps.clock.now().getTime() + VN_OFFSET_MS)
    .toISOString()
    .slice(0, 10)
    .replaceAll('-', '');
  return {
    body: `\uFEFF${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`,
    filename: `nhat-ky-thay-doi-${today}.csv`,
  };
}
