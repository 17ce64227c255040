import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as X from './exact.ts';

/** Reference rounding on BigInt only: n/d × 100, half away from zero. */
function refRound(n: bigint, d: bigint): bigint {
  const neg = n < 0n !== d < 0n && n !== 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const r = (an * 200n + ad) / (2n * ad);
  return neg ? -r : r;
}

describe('exact arithmetic', () => {
  it('reads a JSON number as the decimal it is written as', () => {
    expect(X.fromNumber(12.35)).toEqual({ n: 247, d: 20 });
    expect(X.fromNumber(0.1)).toEqual({ n: 1, d: 10 });
    expect(X.fromNumber(1e-7)).toEqual({ n: 1, d: 10_000_000 });
    expect(X.fromNumber(-2.5)).toEqual({ n: -5, d: 2 });
    expect(X.eq(X.add(X.fromNumber(0.1), X.fromNumber(0.2)), X.fromNumber(0.3))).toBe(true);
  });

  it('orders JSON numbers as the decimals it reads them as, and finds the number of a decimal', () => {
    expect(X.exactNumber(X.q(49, 10))).toBe(4.9);
    expect(X.exactNumber(X.fromNumber(0.1 + 0.2))).toBe(0.1 + 0.2);
    expect(X.exactNumber(X.q(1, 3))).toBeNull();
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (a, b) => {
          const c = X.cmp(X.fromNumber(a), X.fromNumber(b));
          expect(Math.sign(c) || 0).toBe(a < b ? -1 : a > b ? 1 : 0);
          // Where it finds a number (not always: 5e-324 is 5/10^324), it is the one read as a.
          const x = X.exactNumber(X.fromNumber(a));
          if (x !== null) expect(X.eq(X.fromNumber(x), X.fromNumber(a))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(1, 10, 100, 1000), (n, scale) => {
        const a = n / scale;
        expect(X.exactNumber(X.fromNumber(a))).toBe(a);
      }),
    );
  });

  it('rounds half up once: 134/200 × 1.5 = 1.005 becomes 1.01', () => {
    const v = X.mul(X.q(134, 200), X.fromNumber(1.5));
    expect(X.toDecimalString(v)).toBe('1.005');
    expect(X.roundHundredths(v)).toBe(101);
    expect(X.roundHundredths(X.q(-1005, 1000))).toBe(-101);
    expect(X.roundHundredths(X.q(2, 3))).toBe(67);
    expect(X.roundHundredths(X.q(1, 3))).toBe(33);
  });

  it('stays exact past 2^53 by switching to BigInt', () => {
    const big = X.q(Number.MAX_SAFE_INTEGER);
    const product = X.mul(big, X.q(3));
    expect(typeof product.n).toBe('bigint');
    expect(product.n).toBe(BigInt(Number.MAX_SAFE_INTEGER) * 3n);
    expect(X.eq(X.div(product, X.q(3)), big)).toBe(true);
    expect(typeof X.div(product, X.q(3)).n).toBe('number');
  });

  it('rounds every fraction like a BigInt reference', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.oneof(fc.bigInt({ min: 1n, max: 10n ** 25n }), fc.bigInt({ min: 10n ** 14n, max: 10n ** 30n })),
        (n, d) => {
          const ref = refRound(n, d);
          if (ref > BigInt(Number.MAX_SAFE_INTEGER) || ref < -BigInt(Number.MAX_SAFE_INTEGER))
            expect(() => X.roundHundredths(X.q(n, d))).toThrow(RangeError);
          else expect(BigInt(X.roundHundredths(X.q(n, d)))).toBe(ref);
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1 }), (n, d) => {
        expect(BigInt(X.roundHundredths(X.q(n, d)))).toBe(refRound(BigInt(n), BigInt(d)));
      }),
      { numRuns: 2000 },
    );
  });

  it('adds, multiplies and compares like BigInt fractions', () => {
    const frac = fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1e9 }));
    fc.assert(
      fc.property(frac, frac, ([an, ad], [bn, bd]) => {
        const a = X.q(an, ad);
        const b = X.q(bn, bd);
        const sum = X.add(a, b);
        expect(BigInt(sum.n) * BigInt(ad) * BigInt(bd)).toBe(
          (BigInt(an) * BigInt(bd) + BigInt(bn) * BigInt(ad)) * BigInt(sum.d),
        );
        const prod = X.mul(a, b);
        expect(BigInt(prod.n) * BigInt(ad) * BigInt(bd)).toBe(BigInt(an) * BigInt(bn) * BigInt(prod.d));
        expect(Math.sign(X.cmp(a, b))).toBe(
          Math.sign(Number(BigInt(an) * BigInt(bd) - BigInt(bn) * BigInt(ad))),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('prints decimals exactly, or marks where it stops', () => {
    expect(X.toDecimalString(X.q(5, 4))).toBe('1.25');
    expect(X.toDecimalString(X.q(2, 3))).toBe('0.6666…');
    expect(X.toDecimalString(X.q(-1, 8))).toBe('-0.125');
  });
});
