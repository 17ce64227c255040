import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonBytes } from './json-bytes.ts';

/** What the plain way reads from the same bytes: the UTF-8 text, its byte-order mark dropped, parsed. */
function plain(bytes: Buffer): unknown {
  const text = bytes.toString('utf8');
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/** Reads as the plain way does, or declines; never reads otherwise. */
function expectSameOrDeclined(bytes: Buffer): boolean {
  const fast = parseJsonBytes(bytes);
  if (fast === null) return false;
  expect(fast.value).toEqual(plain(bytes));
  return true;
}

const bytesOf = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('parsing a JSON file from its bytes', () => {
  it('reads Vietnamese, any script and emoji in values, as decoding the whole file reads them', () => {
    const value = {
      name: 'Sở Thông tin và Truyền thông tỉnh Cao Bằng',
      decomposed: 'Kế hoạch'.normalize('NFD'),
      list: [
        'Đơn vị thử 1',
        '日本語',
        '🙂 ok',
        'ascii',
        7,
        true,
        null,
        { deeper: ['ữ', 'quote " and \\ and \n'] },
      ],
    };
    const bytes = Buffer.from(JSON.stringify(value, null, 2));
    expect(expectSameOrDeclined(bytes)).toBe(true);
    expect(parseJsonBytes(bytes)!.value).toEqual(value);
  });

  it('drops a byte-order mark, and reads bytes that are no UTF-8 as the decoder replaces them', () => {
    expect(expectSameOrDeclined(bytesOf([0xef, 0xbb, 0xbf], '{"a": "Bằng"}'))).toBe(true);
    for (const bad of [
      [0xff],
      [0xe1],
      [0xe1, 0xba],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
    ])
      for (const around of [
        ['{"a": "', '"}'],
        ['{"a": "x', '\\n"}'],
        ['["\\"', 'ắ"]'],
        ['["', '"]'],
      ] as const)
        expect(expectSameOrDeclined(bytesOf(around[0], bad, around[1]))).toBe(true);
  });

  it('declines what it could read otherwise: an escape \\u…, a key outside ASCII or named __proto__, a malformed file', () => {
    expect(parseJsonBytes(Buffer.from('{"a": "\\u00e9"}'))).toBeNull();
    expect(parseJsonBytes(Buffer.from('{"tên": 1}'))).toBeNull();
    expect(parseJsonBytes(Buffer.from('{"x": [{"a": 1}, {"tên": 1}]}'))).toBeNull();
    expect(parseJsonBytes(Buffer.from('{"__proto__": "Bằng"}'))).toBeNull();
    expect(parseJsonBytes(Buffer.from('{"a": 1,}'))).toBeNull();
    expect(parseJsonBytes(Buffer.from('{"a": 1} ắ'))).toBeNull();
    // An enumerable key added to Object.prototype would be listed with every object's own.
    Object.defineProperty(Object.prototype, 'polluted', {
      value: 'ắ',
      enumerable: true,
      configurable: true,
      writable: true,
    });
    try {
      expect(parseJsonBytes(Buffer.from('{"a": "Bằng"}'))).toBeNull();
    } finally {
      delete (Object.prototype as { polluted?: unknown }).polluted;
    }
    expect(parseJsonBytes(Buffer.from('{"a": "Bằng"}'))!.value).toEqual({ a: 'Bằng' });
  });

  it('reads any JSON value as decoding the whole file does, with any bytes put inside its strings', () => {
    const text = fc.string({ unit: 'binary', maxLength: 8 });
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, fc.array(fc.integer({ min: 0x80, max: 0xff }), { maxLength: 4 }), (value, junk) => {
        // JSON.stringify escapes only control characters and lone surrogates (\u…, declined).
        const bytes = Buffer.from(JSON.stringify(value));
        expectSameOrDeclined(bytes);
        // Stray bytes put just after the first quote, inside a string.
        const quote = bytes.indexOf(0x22);
        if (quote >= 0)
          expectSameOrDeclined(
            Buffer.concat([bytes.subarray(0, quote + 1), Buffer.from(junk), bytes.subarray(quote + 1)]),
          );
      }),
      { numRuns: 2000 },
    );
  });
});
