/**
 * What the appeal screens read and send (src/server/modules/appeals/appeals.schema.ts is the
 * contract, imported as types only): the appeals of a cycle with its period, filing one with an
 * attached file, answering one.
 */
import type {
  AnswerBody,
  AppealFileView,
  AppealPeriod,
  AppealsView,
  AppealView,
} from '../../../server/modules/appeals/appeals.schema.ts';
import { api, apiUrl } from '../../api.ts';

export type { AnswerBody, AppealsView, AppealView };

const base = (cycleId: string) => `/cycles/${cycleId}`;

export const appealsApi = {
  list: (cycleId: string, agencyId?: string) =>
    api<AppealsView>(`${base(cycleId)}/appeals${agencyId ? `?agencyId=${agencyId}` : ''}`),
  file: (cycleId: string, agencyId: string, criterionId: string, text: string) =>
    api<AppealView>(`${base(cycleId)}/agencies/${agencyId}/appeals`, {
      method: 'POST',
      body: { criterionId, text },
    }),
  attach: (cycleId: string, appealId: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api<AppealFileView>(`${base(cycleId)}/appeals/${appealId}/files`, { form });
  },
  answer: (cycleId: string, appealId: string, body: AnswerBody) =>
    api<AppealView>(`${base(cycleId)}/appeals/${appealId}/answer`, { method: 'POST', body }),
  setPeriod: (cycleId: string, days: number, holidays: string[]) =>
    api<AppealPeriod>(`${base(cycleId)}/appeal-period`, { method: 'PUT', body: { days, holidays } }),
  fileUrl: (cycleId: string, appealId: string, fileId: string) =>
    apiUrl(`${base(cycleId)}/appeals/${appealId}/files/${fileId}`),
};
