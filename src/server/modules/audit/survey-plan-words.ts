/**
 * The sentences of the rows about planned field surveys: the department plans a visit or moves
 * its date, the agency confirms or asks for another date, the findings are recorded
 * (entry-words.ts says how a row becomes a sentence).
 */
import { formatDate } from '../../../core/format.ts';
import { plainValue, type Sentence, t, vien } from './entry-words.ts';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const dmy = (v: unknown) => formatDate(text(v));

export const SURVEY_PLAN_WORDS: Readonly<Record<string, Sentence>> = {
  'survey_plan.create': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} lên kế hoạch khảo sát thực tế tại ${p(c.agency)} ngày ${dmy(c.new.visitDate)}`,
      (p) => `${p(c.who)} planned a field survey at ${p(c.agency)} on ${dmy(c.new.visitDate)}`,
    ),
    changes: [
      { label: t('Đoàn khảo sát', 'Team'), before: null, after: plainValue(c.new.team) },
      { label: t('Mục đích', 'Purpose'), before: null, after: plainValue(c.new.purpose) },
    ],
  }),
  'survey_plan.move': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} đổi ngày khảo sát tại ${p(c.agency)}`,
      (p) => `${p(c.who)} moved the field survey at ${p(c.agency)}`,
    ),
    changes: [
      {
        label: t('Ngày khảo sát', 'Date'),
        before: t(dmy(c.old.visitDate), dmy(c.old.visitDate)),
        after: t(dmy(c.new.visitDate), dmy(c.new.visitDate)),
      },
    ],
  }),
  'survey_plan.confirm': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} xác nhận lịch khảo sát ngày ${dmy(c.new.visitDate)} của ${p(c.agency)}`,
      (p) => `${p(c.who)} confirmed the survey on ${dmy(c.new.visitDate)} for ${p(c.agency)}`,
    ),
    changes: [],
  }),
  'survey_plan.reschedule': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} đề nghị đổi lịch khảo sát của ${p(c.agency)} sang ngày ${dmy(c.new.proposedDate)}`,
      (p) => `${p(c.who)} asked to move the survey of ${p(c.agency)} to ${dmy(c.new.proposedDate)}`,
    ),
    changes: [{ label: t('Lý do', 'Reason'), before: null, after: plainValue(c.new.reason) }],
  }),
  'survey_plan.findings': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} ghi kết quả khảo sát theo kế hoạch tại ${p(c.agency)}`,
      (p) => `${p(c.who)} recorded the planned survey's findings at ${p(c.agency)}`,
    ),
    changes: [],
  }),
};
