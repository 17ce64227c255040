/**
 * Turning a page's bytes into text. The charset comes from the BOM, the Content-Type header or
 * a <meta> tag; Vietnamese sites often declare one and send another (an old template saying
 * iso-8859-1 over UTF-8 content), or send broken bytes. Decoding never throws: it picks the
 * reading that fits the bytes and records what it did.
 */
import type { Reason } from '../types.ts';
import { note } from './reasons.ts';

const META = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i;

export function headerCharset(contentType: string | null): string | null {
  const m = contentType ? /charset\s*=\s*["']?([^;"'\s]+)/i.exec(contentType) : null;
  return m?.[1] ? m[1].toLowerCase() : null;
}

const isUtf8 = (label: string) => label === 'utf-8' || label === 'utf8';

function tryDecode(bytes: Uint8Array, label: string, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

/** True when the bytes hold characters beyond ASCII (so a declaration matters). */
function hasHighBytes(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

export function decodeHtml(bytes: Uint8Array, contentType: string | null): { text: string; notes: Reason[] } {
  const notes: Reason[] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: tryDecode(bytes.subarray(3), 'utf-8', false) ?? '', notes };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: tryDecode(bytes, 'utf-16le', false) ?? '', notes };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: tryDecode(bytes, 'utf-16be', false) ?? '', notes };
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const declared = headerCharset(contentType) ?? META.exec(head)?.[1]?.toLowerCase() ?? null;
  const strict = tryDecode(bytes, 'utf-8', true);
  if (declared === null || isUtf8(declared)) {
    if (strict !== null) return { text: strict, notes };
    notes.push(note.invalidUtf8());
    return { text: tryDecode(bytes, 'utf-8', false) ?? '', notes };
  }
  // Declared something else: believe the bytes when they are UTF-8 with non-ASCII characters,
  // which a single-byte text almost never is by chance.
  if (strict !== null && hasHighBytes(bytes)) {
    notes.push(note.wrongCharset(declared, 'UTF-8'));
    return { text: strict, notes };
  }
  const text = tryDecode(bytes, declared, false);
  if (text !== null) return { text, notes };
  notes.push(note.unknownCharset(declared));
  return { text: tryDecode(bytes, 'utf-8', false) ?? '', notes };
}
