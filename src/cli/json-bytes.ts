/**
 * A JSON file parsed from its bytes without decoding the whole of it as UTF-8 first.
 *
 * JSON's own syntax is ASCII: any other character of a file is inside a string. Read as Latin-1
 * (one byte, one character, no decoding to speak of), a file keeps every quote, brace and digit
 * where it was, and UTF-8's multi-byte sequences, whose bytes are all from 0x80 up, stay inside
 * their strings. So the file is parsed in that form, and then only the strings holding such a
 * byte are decoded as UTF-8, one by one. For a 59 MB cycle file, decoding it whole made a string
 * of 59 million two-byte characters, which cost more than the parse, and JSON.parse reads a
 * one-byte string faster.
 *
 * Where this could read a file otherwise than decoding it whole would, it declines (returns null)
 * and the caller takes the plain way, which also words the error of a malformed file: an escape
 * `\u…` (it could make a character from 0x80 to 0xFF that would be taken for a byte of UTF-8),
 * a key with such a byte (objects would have to be rebuilt) or named `__proto__`, a parse error.
 */

/** A byte from 0x80 up, as Latin-1 reads it. */
const HIGH_BYTE = /[\x80-\xff]/;

/** The text of a string's bytes as UTF-8 (read as Latin-1, each character is one byte). */
const utf8 = (latin1: string): string => Buffer.from(latin1, 'latin1').toString('utf8');

/** The parsed value of a JSON file's bytes, or null where the plain way must read it. */
export function parseJsonBytes(bytes: Buffer): { readonly value: unknown } | null {
  // A byte-order mark, which readCycleText drops from the text too.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const text = bytes.toString('latin1', bom);
  if (text.includes('\\u')) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value === 'string') return { value: HIGH_BYTE.test(value) ? utf8(value) : value };
  // Keys that a changed Object.prototype would add to every object's `for…in`.
  for (const _ in Object.prototype) return null;
  return typeof value === 'object' && value !== null && !new Decoder().decodeIn(value, 0) ? null : { value };
}

/** Decodes the strings of a parsed value in place. */
class Decoder {
  /**
   * The keys of the last object met at each depth, each already found to be ASCII: objects at one
   * depth (agencies, their values) mostly list the same keys, and comparing a key with the one
   * remembered is cheaper than testing it again.
   */
  private readonly asciiKeys: string[][] = [];

  /** Decodes the strings inside `value`; false when a key holds a byte from 0x80 up. */
  decodeIn(value: object, depth: number): boolean {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (typeof v === 'string') {
          if (HIGH_BYTE.test(v)) value[i] = utf8(v);
        } else if (typeof v === 'object' && v !== null && !this.decodeIn(v, depth + 1)) return false;
      }
      return true;
    }
    const o = value as Record<string, unknown>;
    let known = this.asciiKeys[depth];
    if (known === undefined) {
      known = [];
      this.asciiKeys[depth] = known;
    }
    // `for…in` rather than Object.keys: the engine serves it from a cache per object layout and
    // reads `o[key]` inside it without a lookup by name. It lists own keys only, since parseJsonBytes
    // made sure that Object.prototype has none to add.
    let i = 0;
    for (const key in o) {
      if (known[i] !== key) {
        // A string of "__proto__" could not be put back by assignment: the plain way reads it.
        if (HIGH_BYTE.test(key) || key === '__proto__') return false;
        known[i] = key;
      }
      i++;
      const v = o[key];
      if (typeof v === 'string') {
        if (HIGH_BYTE.test(v)) o[key] = utf8(v);
      } else if (typeof v === 'object' && v !== null && !this.decodeIn(v, depth + 1)) return false;
    }
    return true;
  }
}
