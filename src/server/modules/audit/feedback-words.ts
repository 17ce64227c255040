/**
 * The sentences of the rows about the feedback on the regulation: someone raises a difficulty or
 * a proposal, attaches a file, the department answers (or revises its answer) and groups the
 * items under topics (entry-words.ts says how a row becomes a sentence).
 */
import type { ChangeView } from './audit.schema.ts';
import { plainValue, type Sentence, t, vien } from './entry-words.ts';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const STATUS: Record<string, [string, string]> = {
  answered: ['Đã trả lời', 'Answered'],
  adopted: ['Tiếp thu vào phiên bản sau', 'Taken into the next version'],
  declined: ['Không tiếp thu', 'Declined'],
};
const status = (v: unknown) => {
  const s = STATUS[text(v)];
  return s ? t(s[0], s[1]) : null;
};

export const FEEDBACK_WORDS: Readonly<Record<string, Sentence>> = {
  'feedback.raise': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} góp ý về ${text(c.new.about)}`,
      (p) => `${p(c.who)} raised feedback on ${text(c.new.about)}`,
    ),
    changes: [{ label: t('Nội dung', 'Text'), before: null, after: plainValue(c.new.text) }],
  }),
  'feedback.file_add': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} đính kèm tệp "${text(c.new.filename)}" vào góp ý về quy định`,
      (p) => `${p(c.who)} attached "${text(c.new.filename)}" to a feedback item`,
    ),
    changes: [],
  }),
  'feedback.answer': (c) => {
    const changes: ChangeView[] = [
      { label: t('Kết quả', 'Outcome'), before: status(c.old.status), after: status(c.new.status) },
      {
        label: t('Trả lời', 'Answer'),
        before: c.old.answer ? plainValue(c.old.answer) : null,
        after: plainValue(c.new.answer),
      },
    ];
    if (c.new.nextVersion)
      changes.push({
        label: t('Phiên bản tiếp thu', 'Next version'),
        before: null,
        after: plainValue(c.new.nextVersion),
      });
    return {
      summary: vien(
        (p) => `${p(c.who)} trả lời góp ý về ${text(c.new.about)}`,
        (p) => `${p(c.who)} answered the feedback on ${text(c.new.about)}`,
      ),
      changes,
    };
  },
  'feedback.topic': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} xếp góp ý về ${text(c.new.about)} vào chủ đề`,
      (p) => `${p(c.who)} grouped the feedback on ${text(c.new.about)} under a topic`,
    ),
    changes: [
      {
        label: t('Chủ đề', 'Topic'),
        before: c.old.topic ? plainValue(c.old.topic) : null,
        after: c.new.topic ? plainValue(c.new.topic) : null,
      },
    ],
  }),
};
