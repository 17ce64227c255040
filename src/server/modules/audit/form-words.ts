/**
 * The sentences of the rows about an agency's form and its review: values saved, submitted,
 * withdrawn, "not applicable" claims, files, the department's corrections and queries, surveys,
 * website checks (entry-words.ts says how a row becomes a sentence).
 */
import { formatInstantVn } from '../../../core/calendar/time.ts';
import type { ChangeView } from './audit.schema.ts';
import { labelList, plainValue, type Sentence, t, vien } from './entry-words.ts';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const change = (label: ChangeView['label'], before: unknown, after: unknown): ChangeView => ({
  label,
  before: before === undefined ? null : plainValue(before),
  after: after === undefined ? null : plainValue(after),
});

/** A save of form fields: one field says its values, several are listed. */
function saved(verb: { vi: string; en: string }): Sentence {
  return (c) => {
    const changes = c.fieldChanges();
    const [one] = changes;
    const summary =
      changes.length === 1 && one
        ? vien(
            (p) =>
              `${p(c.who)} ${verb.vi} trường "${p(one.label)}" của ${p(c.agency)}: ${p(one.before!)} → ${p(one.after!)}`,
            (p) =>
              `${p(c.who)} ${verb.en} "${p(one.label)}" of ${p(c.agency)}: ${p(one.before!)} → ${p(one.after!)}`,
          )
        : vien(
            (p) =>
              `${p(c.who)} ${verb.vi} ${changes.length} trường của ${p(c.agency)}: ${p(labelList(changes))}`,
            (p) =>
              `${p(c.who)} ${verb.en} ${changes.length} fields of ${p(c.agency)}: ${p(labelList(changes))}`,
          );
    return { summary, changes };
  };
}

/** A value the department set on a field of the form (a correction, a reviewer mark, its withdrawal). */
function reviewed(vi: string, en: string): Sentence {
  return (c) => {
    const key = c.row.field ?? '';
    const one: ChangeView = {
      label: c.label(key),
      before: c.value(key, c.row.oldValue),
      after: c.value(key, c.row.newValue),
    };
    return {
      summary: vien(
        (p) => `${p(c.who)} ${vi} "${p(one.label)}" của ${p(c.agency)}: ${p(one.before!)} → ${p(one.after!)}`,
        (p) => `${p(c.who)} ${en} "${p(one.label)}" of ${p(c.agency)}: ${p(one.before!)} → ${p(one.after!)}`,
      ),
      changes: [one],
    };
  };
}

/** A claim that a criterion does not apply, or the department's decision on it. */
function claim(vi: string, en: string): Sentence {
  return (c) => ({
    summary: vien(
      (p) => `${p(c.who)} ${vi} ${p(c.criterion(c.row.field))} của ${p(c.agency)}`,
      (p) => `${p(c.who)} ${en} ${p(c.criterion(c.row.field))} of ${p(c.agency)}`,
    ),
    changes: [
      ...('reason' in c.new || 'reason' in c.old
        ? [change(t('Lý do đề nghị', 'Reason given'), c.old.reason, c.new.reason)]
        : []),
      ...('note' in c.new ? [change(t('Ghi chú của Sở', 'Department’s note'), c.old.note, c.new.note)] : []),
    ].filter((x) => x.before?.vi !== x.after?.vi),
  });
}

/** A query of the department to the agency, or a message on it. */
function query(vi: string, en: string): Sentence {
  return (c) => ({
    summary: vien(
      (p) => `${p(c.who)} ${vi} ${p(c.agency)}${c.new.subject ? `: "${text(c.new.subject)}"` : ''}`,
      (p) => `${p(c.who)} ${en} ${p(c.agency)}${c.new.subject ? `: "${text(c.new.subject)}"` : ''}`,
    ),
    changes: c.new.body ? [change(t('Nội dung', 'Message'), undefined, c.new.body)] : [],
  });
}

const fileOf = (values: Readonly<Record<string, unknown>>) => `"${text(values.filename) || '?'}"`;

const at = (v: unknown): string =>
  typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? formatInstantVn(Date.parse(v)).slice(0, 16) : '?';

export const FORM_WORDS: Readonly<Record<string, Sentence>> = {
  'submission.create': saved({ vi: 'nhập', en: 'entered' }),
  'submission.save': saved({ vi: 'sửa', en: 'changed' }),
  'submission.submit': (c) => ({
    summary: vien(
      (p) =>
        `${p(c.who)} nộp báo cáo của ${p(c.agency)}${p(c.ofYear)}${c.new.late === true ? ' (nộp muộn)' : ''}`,
      (p) =>
        `${p(c.who)} submitted the report of ${p(c.agency)}${p(c.ofYear)}${c.new.late === true ? ' (late)' : ''}`,
    ),
    changes: [
      change(t('Người ký xác nhận', 'Attested by'), undefined, c.new.attestedName),
      change(t('Chức vụ', 'Title'), undefined, c.new.attestedTitle),
    ],
  }),
  'submission.withdraw': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} rút báo cáo đã nộp của ${p(c.agency)} về dạng nháp`,
      (p) => `${p(c.who)} withdrew the submitted report of ${p(c.agency)} back to draft`,
    ),
    changes: [change(t('Đã nộp lúc', 'Submitted at'), c.old.submittedAt, undefined)],
  }),
  'submission.claim': claim('đề nghị không áp dụng', 'claimed not applicable'),
  'submission.claim_update': claim('sửa đề nghị không áp dụng', 'changed the not-applicable claim on'),
  'submission.claim_withdraw': claim('rút đề nghị không áp dụng', 'withdrew the not-applicable claim on'),
  'submission.evidence_add': (c) => ({
    summary: vien(
      (p) =>
        `${p(c.who)} đính kèm tệp ${fileOf(c.new)}${c.row.field ? ` cho ${p(c.criterion(c.row.field))}` : ''} vào báo cáo của ${p(c.agency)}`,
      (p) =>
        `${p(c.who)} attached ${fileOf(c.new)}${c.row.field ? ` for ${p(c.criterion(c.row.field))}` : ''} to the report of ${p(c.agency)}`,
    ),
    changes: [],
  }),
  'submission.evidence_remove': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} gỡ tệp ${fileOf(c.old)} khỏi báo cáo của ${p(c.agency)}`,
      (p) => `${p(c.who)} removed ${fileOf(c.old)} from the report of ${p(c.agency)}`,
    ),
    changes: [],
  }),
  'review.correction': reviewed('điều chỉnh trường', 'corrected'),
  'review.correction_file': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} tải lên tệp ${fileOf(c.new)} để điều chỉnh số liệu đã nộp của ${p(c.agency)}`,
      (p) => `${p(c.who)} uploaded ${fileOf(c.new)} to correct the submitted values of ${p(c.agency)}`,
    ),
    changes: [change(t('Số điều chỉnh', 'Corrections'), undefined, c.new.corrections)],
  }),
  'review.reviewer_mark': reviewed('chấm', 'marked'),
  'review.correction_clear': reviewed(
    'hủy điều chỉnh, trả lại số cơ quan khai ở trường',
    'withdrew the correction of',
  ),
  'review.query_open': query('gửi yêu cầu giải trình cho', 'sent a query to'),
  'review.query_answer': query('trả lời yêu cầu giải trình gửi', 'answered the query to'),
  'review.query_message': query('nhắn thêm vào yêu cầu giải trình gửi', 'added a message to the query to'),
  'review.query_close': query('đóng yêu cầu giải trình gửi', 'closed the query to'),
  'review.na_confirm': claim('chấp nhận đề nghị không áp dụng', 'accepted the not-applicable claim on'),
  'review.na_reject': claim('không chấp nhận đề nghị không áp dụng', 'rejected the not-applicable claim on'),
  'review.survey_create': (c) => ({
    summary: vien(
      (p) =>
        `${p(c.who)} ghi biên bản khảo sát thực tế tại ${p(c.agency)} ngày ${p(plainValue(c.new.surveyDate))}`,
      (p) => `${p(c.who)} recorded a site survey at ${p(c.agency)} on ${p(plainValue(c.new.surveyDate))}`,
    ),
    changes: [change(t('Kết quả khảo sát', 'Findings'), undefined, c.new.findings)],
  }),
  'review.survey_evidence_add': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} đính kèm tệp ${fileOf(c.new)} vào biên bản khảo sát tại ${p(c.agency)}`,
      (p) => `${p(c.who)} attached ${fileOf(c.new)} to the site survey at ${p(c.agency)}`,
    ),
    changes: [],
  }),
  'website_check.create': (c) => ({
    summary: vien(
      (p) =>
        `${p(c.who)} ghi kết quả kiểm tra trang TTĐT của ${p(c.agency)} lúc ${at(c.new.checkedAt)}${asValues(c.new).website_active === false ? ': trang không truy cập được' : ''}`,
      (p) =>
        `${p(c.who)} recorded a check of the website of ${p(c.agency)} at ${at(c.new.checkedAt)}${asValues(c.new).website_active === false ? ': the site was down' : ''}`,
    ),
    changes: Object.entries(asValues(c.new)).map(([k, v]) => ({
      label: c.label(k),
      before: null,
      after: c.value(k, v),
    })),
  }),
  'website_check.delete': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} xóa kết quả kiểm tra trang TTĐT của ${p(c.agency)} lúc ${at(c.old.checkedAt)}`,
      (p) => `${p(c.who)} removed the website check of ${p(c.agency)} at ${at(c.old.checkedAt)}`,
    ),
    changes: [],
  }),
};

function asValues(v: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const values = v.values;
  return values && typeof values === 'object' && !Array.isArray(values)
    ? (values as Record<string, unknown>)
    : {};
}
