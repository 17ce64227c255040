import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { lines } from './archive.ts';

describe('the lines of a backup being restored', () => {
  it('keeps a Vietnamese letter whose bytes fall in two chunks', async () => {
    const bytes = Buffer.from('{"vi":"Có ý kiến xử lý"}\n{"vi":"Hạ tầng"}\n', 'utf8');
    // Cut in every place, so that some cut falls inside each letter of two or three bytes.
    for (let cut = 1; cut < bytes.length; cut++) {
      const got: string[] = [];
      for await (const l of lines(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]))) got.push(l);
      expect(got, `cut at byte ${cut}`).toEqual(['{"vi":"Có ý kiến xử lý"}', '{"vi":"Hạ tầng"}']);
    }
  });
});
