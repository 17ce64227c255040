/**
 * The smallest PNG writer a bar chart needs (pure JS, node:zlib): a track of the full width and a
 * filled bar of the value's share, as an RGB image. The labels stay real text next to the image.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

type Rgb = readonly [number, number, number];

/** A horizontal bar `share` (0..1) of `width` in `fill`, the rest in `track`. */
export function barPng(width: number, height: number, share: number, fill: Rgb, track: Rgb): Buffer {
  const filled = Math.round(Math.max(0, Math.min(1, share)) * width);
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(x < filled ? fill : track, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const BAR_FILL: Rgb = [0x1f, 0x4e, 0x79];
export const BAR_TRACK: Rgb = [0xe7, 0xec, 0xf2];
