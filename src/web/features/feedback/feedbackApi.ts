/**
 * What the feedback screens read and send (src/server/modules/feedback/feedback.schema.ts is the
 * contract, imported as types only): a person's items or all of them, raising one with a file,
 * answering and grouping, the yearly summary's address.
 */
import type {
  AnswerBody,
  FeedbackFileView,
  FeedbackItemView,
  FeedbackView,
  RaiseBody,
} from '../../../server/modules/feedback/feedback.schema.ts';
import { api, apiUrl } from '../../api.ts';

export type { AnswerBody, FeedbackItemView, FeedbackView, RaiseBody };

export const feedbackApi = {
  list: (scope: 'mine' | 'all') => api<FeedbackView>(`/feedback?scope=${scope}`),
  raise: (body: RaiseBody) => api<FeedbackItemView>('/feedback', { method: 'POST', body }),
  attach: (itemId: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api<FeedbackFileView>(`/feedback/${itemId}/file`, { form });
  },
  answer: (itemId: string, body: AnswerBody) =>
    api<FeedbackItemView>(`/feedback/${itemId}/answer`, { method: 'POST', body }),
  topic: (itemId: string, topic: string | null) =>
    api<FeedbackItemView>(`/feedback/${itemId}/topic`, { method: 'PUT', body: { topic } }),
  fileUrl: (itemId: string) => apiUrl(`/feedback/${itemId}/file`),
  summaryUrl: (year: number, format: 'docx' | 'pdf') =>
    apiUrl(`/feedback/summary?year=${year}&format=${format}`),
};
