/**
 * What the Excel form screens read and write (workbooks.routes.ts); shapes are the server's
 * contract, imported as types only.
 */
import type {
  BulkResult,
  ConfirmResult,
  FileProblem,
  FormChange,
  UploadPreview,
  UploadWarning,
} from '../../../server/modules/workbooks/workbooks.schema.ts';
import { ApiError, api, apiUrl } from '../../api.ts';

export type { BulkResult, FileProblem, FormChange, UploadPreview, UploadWarning };

const base = (c: string, a: string) => `/cycles/${c}/agencies/${a}/submission/workbook`;

export const workbooksApi = {
  downloadUrl: (c: string, a: string) => apiUrl(base(c, a)),
  preview: (c: string, a: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api<UploadPreview>(`${base(c, a)}/preview`, { form });
  },
  confirm: (c: string, a: string, p: UploadPreview, reason?: string) =>
    api<ConfirmResult>(`${base(c, a)}/confirm`, {
      method: 'POST',
      body: {
        upload: p.upload,
        filename: p.filename,
        version: p.version,
        ...(p.mode === 'correction' ? { reason } : {}),
      },
    }),
  bulk: (c: string, file: File, save: boolean) => {
    const form = new FormData();
    form.append('save', String(save));
    form.append('file', file);
    return api<BulkResult>(`/cycles/${c}/workbooks`, { form });
  },
};

/** The problems a refused upload lists (by sheet and cell), or the error's own message. */
export function problemsOf(e: unknown): string[] {
  if (e instanceof ApiError) {
    const listed = (e.details as { problems?: FileProblem[] } | undefined)?.problems;
    return listed?.length ? listed.map((p) => p.message) : [e.message];
  }
  return [String(e)];
}
