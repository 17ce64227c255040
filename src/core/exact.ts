/**
 * Exact rational arithmetic for scores (interchange.md: "never binary floating point").
 *
 * A value is a reduced fraction n/d with d > 0. Numerator and denominator are plain JS numbers
 * while they stay safe integers (the fast path: almost every real form), and switch to BigInt
 * only when a product or sum would leave the safe range, so no operation ever loses exactness.
 */

export type Int = number | bigint;

export interface Q {
  readonly n: Int;
  readonly d: Int;
}

export const ZERO: Q = Object.freeze({ n: 0, d: 1 });
export const ONE: Q = Object.freeze({ n: 1, d: 1 });

const big = (x: Int): bigint => (typeof x === 'bigint' ? x : BigInt(x));

function gcdNum(a: number, b: number): number {
  let x = a < 0 ? -a : a;
  let y = b < 0 ? -b : b;
  // Most values of a form are small: with both in 32-bit range the remainders are taken as
  // 32-bit integers. Otherwise, once any caller has passed a number the engine holds as a double
  // (a rounded product, a −0), every `%` here would become a floating-point remainder, several
  // times slower; that was a sixth of bulk scoring.
  if (x <= 0x7fffffff && y <= 0x7fffffff) {
    let u = x | 0;
    let v = y | 0;
    while (v !== 0) {
      const t = (u % v) | 0;
      u = v;
      v = t;
    }
    return u;
  }
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

function gcdBig(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

function mulInt(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const p = a * b;
    if (Number.isSafeInteger(p)) return p;
  }
  return big(a) * big(b);
}

function addInt(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a + b;
    if (Number.isSafeInteger(s)) return s;
  }
  return big(a) + big(b);
}

const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);
const fitsNumber = (x: bigint): boolean => x <= MAX_SAFE_BIG && x >= -MAX_SAFE_BIG;

/** Builds a reduced fraction; `d` must not be zero. */
export function q(n: Int, d: Int = 1): Q {
  if (typeof n === 'number' && typeof d === 'number') {
    if (d === 0) throw new RangeError('division by zero');
    if (d === 1) return { n, d };
    const g = gcdNum(n, d);
    const s = d < 0 ? -g : g;
    return { n: n / s || 0, d: d / s };
  }
  let bn = big(n);
  let bd = big(d);
  if (bd === 0n) throw new RangeError('division by zero');
  if (bd < 0n) {
    bn = -bn;
    bd = -bd;
  }
  const g = gcdBig(bn, bd);
  if (g > 1n) {
    bn /= g;
    bd /= g;
  }
  if (fitsNumber(bn) && fitsNumber(bd)) return { n: Number(bn), d: Number(bd) };
  return { n: bn, d: bd };
}

// Equal denominators (whole numbers, or quarters and quarters) add their numerators: the same
// reduced result as cross-multiplying, with smaller numbers to reduce.
export const add = (a: Q, b: Q): Q =>
  a.d === b.d ? q(addInt(a.n, b.n), a.d) : q(addInt(mulInt(a.n, b.d), mulInt(b.n, a.d)), mulInt(a.d, b.d));

export const sub = (a: Q, b: Q): Q => add(a, neg(b));

export const neg = (a: Q): Q => (typeof a.n === 'number' ? { n: -a.n || 0, d: a.d } : { n: -a.n, d: a.d });

export const mul = (a: Q, b: Q): Q => q(mulInt(a.n, b.n), mulInt(a.d, b.d));

/**
 * a × b ÷ c in one step: the same value as `div(mul(a, b), c)`, reduced once instead of twice
 * (one gcd, one object). Throws on a zero divisor.
 */
export const mulDiv = (a: Q, b: Q, c: Q): Q =>
  q(mulInt(mulInt(a.n, b.n), c.d), mulInt(mulInt(a.d, b.d), c.n));

/** a / b; throws on a zero divisor (callers decide what a zero denominator means). */
export const div = (a: Q, b: Q): Q => q(mulInt(a.n, b.d), mulInt(a.d, b.n));

/**
 * The arithmetic mean of one or more values: the same value as adding them one by one and
 * dividing by their count, reduced once at the end rather than after every addition.
 */
export function mean(xs: readonly Q[]): Q {
  if (xs.length === 0) throw new RangeError('mean of no values');
  let n: Int = 0;
  let d: Int = 1;
  for (const x of xs) {
    if (x.d === d) n = addInt(n, x.n);
    else {
      n = addInt(mulInt(n, x.d), mulInt(x.n, d));
      d = mulInt(d, x.d);
    }
  }
  return q(n, mulInt(d, xs.length));
}

export const isZero = (a: Q): boolean => a.n === 0 || a.n === 0n;

export function sign(a: Q): -1 | 0 | 1 {
  if (typeof a.n === 'number') return a.n > 0 ? 1 : a.n < 0 ? -1 : 0;
  return a.n > 0n ? 1 : a.n < 0n ? -1 : 0;
}

/** Compares a and b: negative when a < b, 0 when equal, positive when a > b. */
export function cmp(a: Q, b: Q): number {
  // Whole numbers (most form values): the difference is exact, no cross-multiplying.
  if (a.d === 1 && b.d === 1 && typeof a.n === 'number' && typeof b.n === 'number') return a.n - b.n;
  const l = mulInt(a.n, b.d);
  const r = mulInt(b.n, a.d);
  if (typeof l === 'number' && typeof r === 'number') return l - r;
  const bl = big(l);
  const br = big(r);
  return bl < br ? -1 : bl > br ? 1 : 0;
}

export const eq = (a: Q, b: Q): boolean => cmp(a, b) === 0;
export const min = (a: Q, b: Q): Q => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Q, b: Q): Q => (cmp(a, b) >= 0 ? a : b);
export const clamp = (a: Q, lo: Q, hi: Q): Q => min(max(a, lo), hi);
export const abs = (a: Q): Q => (sign(a) < 0 ? neg(a) : a);

/** Exact value of a finite JS number, read as the shortest decimal that prints it (12.35 is 1235/100). */
export function fromNumber(x: number): Q {
  if (Number.isSafeInteger(x)) return { n: x, d: 1 };
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  // Fast path for the short decimals forms hold (7.5, 0.25, 12.35), without a string or BigInt:
  // find the fewest decimals k with m/10^k === x for a whole m of at most 15 digits. Both m and
  // 10^k are exact doubles, so m/10^k is the double nearest that decimal; and two decimals of at
  // most 15 significant digits never share a double, so that decimal is the one String(x) prints.
  for (let k = 1; k < POW10.length; k++) {
    const p = POW10[k]!;
    const m = Math.round(x * p);
    if (m >= 1e15 || m <= -1e15) break;
    if (m / p === x) return q(m, p);
  }
  return fromDecimalString(String(x));
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

/**
 * The JS number that `fromNumber` reads as exactly `a` (4.9 for 49/10), or null when there is
 * none (1/3): for comparing numbers of a form with `a` without making fractions.
 */
export function exactNumber(a: Q): number | null {
  const x = Number(a.n) / Number(a.d);
  return Number.isFinite(x) && eq(fromNumber(x), a) ? x : null;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parses a plain or scientific decimal string exactly ("1.005", "-2", "1e-7"). */
export function fromDecimalString(s: string): Q {
  const m = DECIMAL.exec(s.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`not a decimal: ${s}`);
  const digits = `${m[2]}${m[3] ?? ''}` || '0';
  const exp = Number(m[4] ?? 0) - (m[3] ?? '').length;
  let n = BigInt(digits);
  let d = 1n;
  if (exp >= 0) n *= 10n ** BigInt(exp);
  else d = 10n ** BigInt(-exp);
  if (m[1] === '-') n = -n;
  return q(n, d);
}

/** Floor of a/b for integers, b > 0, exact on both paths. */
function floorDiv(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    let f = Math.floor(a / b);
    const r = a - f * b;
    if (Number.isSafeInteger(f * b)) {
      if (r < 0) f -= 1;
      else if (r >= b) f += 1;
      return f;
    }
  }
  const ba = big(a);
  const bb = big(b);
  const t = ba / bb;
  return ba % bb !== 0n && ba < 0n ? t - 1n : t;
}

/**
 * Rounds half up (away from zero) to 0.01 and returns whole hundredths: 1.005 → 101.
 * This is the one rounding of interchange.md, done once per criterion. Scores are at most a few
 * hundred points, so a value whose hundredths leave the safe-integer range is refused, not blurred.
 */
export function roundHundredths(a: Q): number {
  // A whole number of points is exactly n·100 hundredths (`+ 0` turns −0 into 0, as below).
  if (a.d === 1 && typeof a.n === 'number') {
    const h = a.n * 100;
    if (Number.isSafeInteger(h)) return h + 0;
  }
  const s = sign(a);
  const absN = s < 0 ? neg(a).n : a.n;
  // floor((200·n + d) / (2·d)) is n·100/d rounded half up for n ≥ 0.
  const num = addInt(mulInt(absN, 200), a.d);
  const r = floorDiv(num, mulInt(a.d, 2));
  if (typeof r !== 'number' && !fitsNumber(r)) throw new RangeError('value too large to round to hundredths');
  const v = Number(r);
  return s < 0 ? -v : v;
}

/** Whole hundredths back to an exact value (e.g. for class bands and totals). */
export const fromHundredths = (h: number): Q => q(h, 100);

/** Approximate value for display or charts only; never used in a score. */
export const toNumber = (a: Q): number => Number(a.n) / Number(a.d);

/**
 * Decimal string of a value: exact when it terminates within `maxDecimals` digits, otherwise
 * truncated with a trailing "…" so an explanation never pretends to more precision than it has.
 */
export function toDecimalString(a: Q, maxDecimals = 4): string {
  const negative = sign(a) < 0;
  let n = big(negative ? neg(a).n : a.n);
  const d = big(a.d);
  const whole = n / d;
  n %= d;
  let frac = '';
  for (let i = 0; i < maxDecimals && n !== 0n; i++) {
    n *= 10n;
    frac += String(n / d);
    n %= d;
  }
  const text = frac ? `${whole}.${frac}${n !== 0n ? '…' : ''}` : String(whole);
  return negative ? `-${text}` : text;
}
