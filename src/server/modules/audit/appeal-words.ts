/**
 * The sentences of the rows about appeals: an agency contests a criterion of its provisional
 * result, attaches a file, the department upholds or rejects it, the period is set, the approver
 * publishes before the appeals are done (entry-words.ts says how a row becomes a sentence).
 */
import { formatPoints } from '../../../core/format.ts';
import type { ChangeView } from './audit.schema.ts';
import { plainValue, type Sentence, t, vien } from './entry-words.ts';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const pts = (v: unknown) =>
  typeof v === 'number' ? { vi: formatPoints(v, 'vi'), en: formatPoints(v, 'en') } : t('—', '—');

function answered(vi: string, en: string): Sentence {
  return (c) => {
    const changes: ChangeView[] = [
      { label: t('Điểm tiêu chí', 'Criterion points'), before: pts(c.old.points), after: pts(c.new.points) },
      { label: t('Tổng điểm', 'Total'), before: pts(c.old.total), after: pts(c.new.total) },
    ];
    return {
      summary: vien(
        (p) => `${p(c.who)} ${vi} kiến nghị của ${p(c.agency)} về ${p(c.criterion(c.row.field))}`,
        (p) => `${p(c.who)} ${en} the appeal of ${p(c.agency)} on ${p(c.criterion(c.row.field))}`,
      ),
      changes,
    };
  };
}

export const APPEAL_WORDS: Readonly<Record<string, Sentence>> = {
  'appeal.file': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} gửi kiến nghị của ${p(c.agency)} về ${p(c.criterion(c.row.field))}`,
      (p) => `${p(c.who)} filed an appeal of ${p(c.agency)} on ${p(c.criterion(c.row.field))}`,
    ),
    changes: [{ label: t('Nội dung', 'Text'), before: null, after: plainValue(c.new.text) }],
  }),
  'appeal.file_add': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} đính kèm tệp "${text(c.new.filename)}" vào kiến nghị của ${p(c.agency)}`,
      (p) => `${p(c.who)} attached "${text(c.new.filename)}" to the appeal of ${p(c.agency)}`,
    ),
    changes: [],
  }),
  'appeal.uphold': answered('chấp nhận', 'upheld'),
  'appeal.reject': answered('không chấp nhận', 'rejected'),
  'appeal.period': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} đặt thời hạn kiến nghị kỳ đánh giá${p(c.ofYear)}`,
      (p) => `${p(c.who)} set the appeal period of the cycle${p(c.ofYear)}`,
    ),
    changes: c.objectChanges({
      days: t('Số ngày làm việc', 'Working days'),
      holidays: t('Ngày nghỉ lễ', 'Holidays'),
    }),
  }),
  'appeal.publish_override': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} công bố kết quả kỳ${p(c.ofYear)} khi chưa xong kiến nghị: ${text(c.old.waits)}`,
      (p) => `${p(c.who)} published the result of the cycle${p(c.ofYear)} before the appeals were done`,
    ),
    changes: [],
  }),
};
