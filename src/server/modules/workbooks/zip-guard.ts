/**
 * Opens a zip (an xlsx is one) without trusting it: the entry count, each entry's and the total
 * uncompressed size and the compression ratio are limited, and every entry is inflated with a hard
 * output cap, before any library parses a byte of it. A zip bomb, an encrypted entry, a ZIP64 or
 * truncated archive is refused with the reason; nothing else is read.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxTotalBytes: number;
  /** Uncompressed ÷ compressed above which an entry larger than 1 MB is taken for a bomb. */
  readonly maxRatio: number;
}

export type ZipProblem = 'not_zip' | 'too_many_entries' | 'too_large' | 'ratio' | 'encrypted' | 'corrupt';

export class ZipRefused extends Error {
  constructor(readonly problem: ZipProblem) {
    super(`zip refused: ${problem}`);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MB = 1024 * 1024;

/** The entries of a zip, name → bytes, or a ZipRefused saying why not. */
export function unzipGuarded(bytes: Buffer, limits: ZipLimits): Map<string, Buffer> {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== LOCAL) throw new ZipRefused('not_zip');
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  if (end < 0) throw new ZipRefused('corrupt');
  const count = bytes.readUInt16LE(end + 10);
  const cdOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipRefused('too_large'); // ZIP64: far beyond a form
  if (count > limits.maxEntries) throw new ZipRefused('too_many_entries');
  const out = new Map<string, Buffer>();
  let total = 0;
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new ZipRefused('corrupt');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const packed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + skip;
    if (flags & 1) throw new ZipRefused('encrypted');
    // The sizes a zip declares are checked first, then held to while inflating (they may lie).
    total += size;
    if (total > limits.maxTotalBytes) throw new ZipRefused('too_large');
    if (size > MB && size > packed * limits.maxRatio) throw new ZipRefused('ratio');
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL) throw new ZipRefused('corrupt');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + packed);
    if (data.length !== packed) throw new ZipRefused('corrupt');
    let content: Buffer;
    if (method === 0) content = Buffer.from(data);
    else if (method === 8) {
      try {
        content = inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
      } catch (e) {
        throw new ZipRefused((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'ratio' : 'corrupt');
      }
    } else throw new ZipRefused('corrupt');
    if (content.length !== size) throw new ZipRefused('corrupt');
    if (!name.endsWith('/')) out.set(name, content);
  }
  return out;
}
