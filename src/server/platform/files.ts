/**
 * Uploaded files: bytes stored under their SHA-256 in the files directory (shared storage when
 * several servers run), metadata in the database. The type is read from the bytes, never from
 * the name or the browser's claim, and only document and image types are accepted.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Sniffed {
  readonly mime: string;
  readonly extension: string;
}

const starts = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) =>
  Buffer.from(b.subarray(from, to)).toString('latin1');

/** The type of a file from its first bytes, or null when it is not one we accept. */
export function sniff(bytes: Uint8Array): Sniffed | null {
  if (starts(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mime: 'application/pdf', extension: 'pdf' };
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mime: 'image/png', extension: 'png' };
  if (starts(bytes, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', extension: 'jpg' };
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return { mime: 'application/x-ole-storage', extension: 'doc' }; // .doc / .xls of older Office
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // An Office Open XML or OpenDocument package names its content in the first entries.
    const head = ascii(bytes, 0, Math.min(bytes.length, 4096));
    if (head.includes('word/'))
      return {
        mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        extension: 'docx',
      };
    if (head.includes('xl/'))
      return { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
    if (head.includes('ppt/'))
      return {
        mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        extension: 'pptx',
      };
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument.text'))
      return { mime: 'application/vnd.oasis.opendocument.text', extension: 'odt' };
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'))
      return { mime: 'application/vnd.oasis.opendocument.spreadsheet', extension: 'ods' };
    if (head.includes('[Content_Types].xml'))
      return { mime: 'application/vnd.openxmlformats-officedocument', extension: 'docx' };
    return { mime: 'application/zip', extension: 'zip' };
  }
  return null;
}

export interface FileStore {
  /** Stores bytes (idempotent per content); returns their SHA-256. */
  put(bytes: Uint8Array): string;
  get(sha256: string): Buffer;
}

/** A store in a directory: files/ab/cdef… named by hash, written atomically. */
export function directoryStore(dir: string): FileStore {
  mkdirSync(dir, { recursive: true });
  const pathOf = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new RangeError('bad file hash');
    return join(dir, sha.slice(0, 2), sha);
  };
  return {
    put(bytes) {
      const sha = createHash('sha256').update(bytes).digest('hex');
      const path = pathOf(sha);
      if (!existsSync(path)) {
        mkdirSync(join(dir, sha.slice(0, 2)), { recursive: true });
        const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
        writeFileSync(tmp, bytes);
        renameSync(tmp, path);
      }
      return sha;
    },
    get: (sha) => readFileSync(pathOf(sha)),
  };
}

/**
 * The name an uploaded file is stored and offered under: no folders, no control characters, NFC,
 * at most 200 characters (the extension kept); `fallback` when nothing of the name remains.
 */
export function safeFilename(raw: string | undefined, fallback: string): string {
  const base = ((raw ?? '').split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .replace(/[\uD800-\uDFFF]/gu, '') // lone surrogates only: with /u a pair is one code point
    .trim();
  const chars = [...(base && base !== '.' && base !== '..' ? base : fallback)];
  if (chars.length <= 200) return chars.join('');
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return chars.slice(0, 200 - ext.length).join('') + ext;
}
