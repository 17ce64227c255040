/**
 * The fields of a cycle as the administrator types them, checked: instants with their offset,
 * the dates in the order the regulation sets (guidance < deadline < publication), the title, the
 * announcement, the criteria version (the bundled one by default). Each refusal names its field.
 */
import { parseInstant } from '../../../core/calendar/time.ts';
import { bundledSet, DEFAULT_SET_ID } from '../../../core/criteria/bundled.ts';
import type { Text } from '../../../core/types.ts';
import type { Executor } from '../../db/open.ts';
import { contentHash } from '../../platform/canonical.ts';
import { invalid } from '../../platform/errors.ts';
import { vnDateOf } from '../agencies/registry-dates.ts';
import { cleanText } from '../agencies/unit-fields.ts';
import { findByHash, findBySetVersion, findVersion } from '../criteria/criteria.repo.ts';
import { instantVn } from './cycle-texts.ts';

export const DATE_TEXT = {
  guidanceBy: { vi: 'Hạn ban hành hướng dẫn', en: 'guidanceBy' },
  deadline: { vi: 'Hạn nộp báo cáo', en: 'deadline' },
  publishBy: { vi: 'Hạn công bố kết quả', en: 'publishBy' },
  monitorFrom: { vi: 'Đầu thời kỳ theo dõi trang TTĐT', en: 'monitorFrom' },
  monitorTo: { vi: 'Cuối thời kỳ theo dõi trang TTĐT', en: 'monitorTo' },
} as const satisfies Record<string, Text>;

/** An instant with its offset ("2017-11-01T00:00:00+07:00"), else 400 on `field`. */
export function instantOf(field: string, text: string, what: Text): Date {
  const ms = parseInstant(text.trim());
  if (ms === null)
    throw invalid(field, {
      vi: `${what.vi} phải là thời điểm có múi giờ, dạng 2017-11-01T00:00:00+07:00`,
      en: `${what.en ?? what.vi} must be an instant with its offset, e.g. 2017-11-01T00:00:00+07:00`,
    });
  return new Date(ms);
}

/** guidanceBy (in the cycle's year) < deadline < publishBy; a refusal names the field the user changed (`given`). */
export function checkDates(
  year: number,
  d: { guidanceBy: Date; deadline: Date; publishBy: Date },
  given: ReadonlySet<string>,
) {
  if (Number(vnDateOf(d.guidanceBy).slice(0, 4)) !== year)
    throw invalid('guidanceBy', {
      vi: `Hạn ban hành hướng dẫn (${instantVn(d.guidanceBy)}) phải thuộc năm ${year} của kỳ đánh giá`,
      en: `guidanceBy must fall in ${year}`,
    });
  const field = given.has('deadline') || !given.has('publishBy') ? 'deadline' : 'publishBy';
  if (d.deadline <= d.guidanceBy)
    throw invalid(given.has('deadline') || !given.has('guidanceBy') ? 'deadline' : 'guidanceBy', {
      vi: `Hạn nộp báo cáo (trước ${instantVn(d.deadline)}) phải sau hạn ban hành hướng dẫn (${instantVn(d.guidanceBy)})`,
      en: 'The deadline must be after the guidance date',
    });
  if (d.deadline >= d.publishBy)
    throw invalid(field, {
      vi: `Hạn nộp báo cáo (trước ${instantVn(d.deadline)}) phải trước hạn công bố kết quả (${instantVn(d.publishBy)})`,
      en: 'The deadline must be before the publication date',
    });
}

export function checkTitle(raw: string): string {
  const title = cleanText(raw);
  if (!title)
    throw invalid('title', { vi: 'Tên kỳ đánh giá không được để trống', en: 'The title is required' });
  if ([...title].length > 300)
    throw invalid('title', {
      vi: 'Tên kỳ đánh giá tối đa 300 ký tự',
      en: 'The title has at most 300 characters',
    });
  return title;
}

export function checkAnnouncement(raw: string | null): string | null {
  if (raw === null) return null;
  const text = raw.normalize('NFC').trim();
  if ([...text].length > 5000)
    throw invalid('announcement', {
      vi: 'Thông báo tối đa 5000 ký tự',
      en: 'The announcement has at most 5000 characters',
    });
  return text || null;
}

export const requiredText = (field: string, raw: string, what: Text): string => {
  const text = cleanText(raw);
  if (!text) throw invalid(field, { vi: `Cần ghi ${what.vi}`, en: `${what.en ?? what.vi} is required` });
  return text;
};

/** The criteria version chosen, when it exists. */
export async function checkCriteriaVersion(db: Executor, id: string): Promise<string> {
  if (!(await findVersion(db, id)))
    throw invalid('criteriaVersionId', {
      vi: 'Không có phiên bản bộ tiêu chí này',
      en: 'No such criteria version',
    });
  return id;
}

/** The stored version of the bundled criteria set, which a new cycle uses unless told otherwise. */
export async function defaultCriteriaVersion(db: Executor): Promise<string> {
  const bundled = bundledSet(DEFAULT_SET_ID)!;
  const row =
    (await findByHash(db, contentHash(bundled))) ?? (await findBySetVersion(db, bundled.id, bundled.version));
  if (!row)
    throw invalid('criteriaVersionId', {
      vi: `Chưa có bộ tiêu chí mặc định "${DEFAULT_SET_ID}"; hãy chọn một phiên bản bộ tiêu chí`,
      en: `The default criteria set "${DEFAULT_SET_ID}" is not loaded; choose a criteria version`,
    });
  return row.id;
}

/** The monitoring period as given: an instant, or null for the default; it must not be empty. */
export function checkMonitorPeriod(
  year: number,
  d: { monitorFrom: Date | null; monitorTo: Date | null; publishBy: Date },
): void {
  const from = d.monitorFrom ?? new Date(Date.UTC(year, 0, 1) - 7 * 3600_000);
  const to = d.monitorTo ?? d.publishBy;
  if (from >= to)
    throw invalid(d.monitorTo ? 'monitorTo' : 'monitorFrom', {
      vi: `Thời kỳ theo dõi trang TTĐT phải bắt đầu (${instantVn(from)}) trước khi kết thúc (${instantVn(to)})`,
      en: 'The monitoring period must start before it ends',
    });
}
