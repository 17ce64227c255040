/**
 * Errors a user may see: a machine code, an HTTP status, a Vietnamese message (English second)
 * and the field it concerns. Anything else is an internal error, logged and never shown.
 */
import type { Text } from '../../core/types.ts';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Text,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(text.en ?? text.vi);
  }
}

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; messageEn?: string; field?: string; details?: unknown };
}

export const toBody = (e: AppError): ErrorBody => ({
  error: {
    code: e.code,
    message: e.text.vi,
    ...(e.text.en && { messageEn: e.text.en }),
    ...(e.field !== undefined && { field: e.field }),
    ...(e.details !== undefined && { details: e.details }),
  },
});

export const unauthenticated = () =>
  new AppError(401, 'unauthenticated', { vi: 'Bạn cần đăng nhập', en: 'Sign in first' });

export const forbidden = (why?: Text) =>
  new AppError(
    403,
    'forbidden',
    why ?? { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You may not do this' },
  );

export const notFound = (what: Text) =>
  new AppError(404, 'not_found', { vi: `Không tìm thấy ${what.vi}`, en: `${what.en ?? what.vi} not found` });

export const invalid = (field: string | undefined, text: Text, details?: unknown) =>
  new AppError(400, 'invalid', text, field, details);

/** The request is valid but the thing is not in a state that allows it (e.g. cycle closed). */
export const wrongState = (text: Text, details?: unknown) =>
  new AppError(409, 'invalid_state', text, undefined, details);

/** Optimistic concurrency: someone else saved first; the client gets the current state back. */
export const stale = (current: unknown) =>
  new AppError(
    409,
    'stale',
    {
      vi: 'Dữ liệu đã được người khác cập nhật trong lúc bạn sửa. Hãy tải lại để xem bản mới nhất; phần bạn vừa nhập vẫn còn trên màn hình.',
      en: 'Someone else saved this in the meantime. Reload to see the latest version; your input is kept on screen.',
    },
    undefined,
    current,
  );

export const conflict = (code: string, text: Text, field?: string) => new AppError(409, code, text, field);

export const tooMany = (text: Text, retryAfterSeconds: number) =>
  new AppError(429, 'too_many_requests', text, undefined, { retryAfterSeconds });
