/** Request bodies as a browser sends them, and small real files, for integration tests. */
import { randomBytes } from 'node:crypto';

/** A tiny but well-formed PDF 1.4 (one empty page). */
export const SMALL_PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n'),
  'latin1',
);

/** The first bytes of a PNG image (what a screenshot renamed to ".pdf" starts with). */
export const PNG_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
]);

export interface Part {
  readonly name: string;
  readonly filename?: string;
  readonly type?: string;
  readonly content: Buffer | string;
}

/** A multipart/form-data body with files and fields. */
export function multipart(parts: readonly Part[]) {
  const boundary = `----chiso${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"` +
      (p.filename === undefined
        ? ''
        : `; filename="${p.filename}"\r\nContent-Type: ${p.type ?? 'application/octet-stream'}`) +
      '\r\n\r\n';
    chunks.push(
      Buffer.from(head),
      Buffer.isBuffer(p.content) ? p.content : Buffer.from(p.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A multipart body with one file. */
export const fileUpload = (field: string, filename: string, bytes: Buffer, type = 'application/pdf') =>
  multipart([{ name: field, filename, type, content: bytes }]);
