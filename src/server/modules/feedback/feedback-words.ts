/** How the feedback's kinds, subjects and statuses read, on the screens, in the mails and in the summary. */
import type { Text } from '../../../core/types.ts';
import type { FeedbackKind, FeedbackStatus, FeedbackSubject } from '../../db/schema.ts';

export const KIND_LABELS: Record<FeedbackKind, Text> = {
  difficulty: { vi: 'Khó khăn, vướng mắc', en: 'Difficulty' },
  proposal: { vi: 'Đề xuất', en: 'Proposal' },
};

export const SUBJECT_LABELS: Record<Exclude<FeedbackSubject, 'criterion'>, Text> = {
  form: { vi: 'Phiếu thu thập số liệu', en: 'The data-collection form' },
  process: { vi: 'Quy trình đánh giá', en: 'The evaluation process' },
};

export const STATUS_LABELS: Record<FeedbackStatus, Text> = {
  new: { vi: 'Chưa trả lời', en: 'Not answered yet' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  adopted: { vi: 'Tiếp thu vào phiên bản sau', en: 'Taken into the next version' },
  declined: { vi: 'Không tiếp thu', en: 'Declined' },
};

/** What an item concerns, as people read it: "Tiêu chí 1.1. Tỷ lệ máy tính…", or the form, or the process. */
export function aboutOf(item: {
  readonly subject: FeedbackSubject;
  readonly criterionId: string | null;
  readonly criterionName: string | null;
}): Text {
  if (item.subject !== 'criterion') return SUBJECT_LABELS[item.subject];
  const name = item.criterionName ? `. ${item.criterionName}` : '';
  return { vi: `Tiêu chí ${item.criterionId}${name}`, en: `Criterion ${item.criterionId}${name}` };
}
