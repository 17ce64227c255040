/**
 * An uploaded file checked as every attachment is (evidence, an appeal's file): sent, not empty,
 * and of an accepted type read from its bytes, never from its name — with the same Vietnamese
 * messages wherever a user attaches a file.
 */
import type { Text } from '../../core/types.ts';
import { AppError, invalid } from './errors.ts';
import { type Sniffed, safeFilename, sniff } from './files.ts';

export interface CheckedUpload {
  bytes: Uint8Array;
  /** A safe name to store and show (the fallback when the sent one is unusable). */
  filename: string;
  type: Sniffed;
}

/** The file, or a 400/415 naming the field "file"; `missing` says what was expected. */
export function checkedUpload(
  file: { filename?: string | undefined; bytes: Uint8Array } | null | undefined,
  opts: { fallbackName: string; missing: Text },
): CheckedUpload {
  if (!file) throw invalid('file', opts.missing);
  const filename = safeFilename(file.filename, opts.fallbackName);
  if (file.bytes.length === 0)
    throw invalid('file', { vi: `Tệp "${filename}" rỗng (0 byte)`, en: `The file "${filename}" is empty` });
  const type = sniff(file.bytes);
  if (!type)
    throw new AppError(
      415,
      'unsupported_type',
      {
        vi: `Tệp "${filename}" không thuộc loại được chấp nhận. Chỉ nhận tài liệu PDF, ảnh (PNG, JPEG), văn bản/bảng tính Office hoặc OpenDocument và tệp nén ZIP; loại tệp được xác định theo nội dung, không theo tên tệp.`,
        en: `The file "${filename}" is not of an accepted type. Accepted: PDF, images (PNG, JPEG), Office or OpenDocument documents, ZIP; the type is read from the content, not the name.`,
      },
      'file',
    );
  return { bytes: file.bytes, filename, type };
}
