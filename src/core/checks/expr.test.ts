import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateRule, parseRule, type Rule, type RuleScope, RuleSyntaxError, scopeOf } from './expr.ts';

type Record_ = Record<string, unknown>;

const ev = (src: string, values: Record_ = {}, prev?: Record_): boolean | null =>
  evaluateRule(parseRule(src), scopeOf(values, prev));

function syntaxError(src: string): RuleSyntaxError {
  try {
    parseRule(src);
  } catch (e) {
    if (e instanceof RuleSyntaxError) return e;
    throw e;
  }
  throw new Error(`expected a syntax error for: ${src}`);
}

describe('precedence and associativity', () => {
  it.each([
    ['1 + 2 * 3 == 7', true],
    ['(1 + 2) * 3 == 9', true],
    ['10 - 4 - 3 == 3', true],
    ['10 - (4 - 3) == 9', true],
    ['24 / 4 / 2 == 3', true],
    ['2 * 3 / 4 == 1.5', true],
    ['-2 * 3 == -6', true],
    ['- - 2 == 2', true],
    ['-(1 + 2) == -3', true],
    ['1 + 1 < 3', true],
    ['2 * 2 >= 4 && 1 < 2', true],
    ['1 == 1 || 1 / 0 == 1 && false', true],
  ])('%s → %s', (src, want) => {
    expect(ev(src)).toBe(want);
  });

  it('&& binds tighter than ||', () => {
    expect(parseRule('a || b && c').ast.kind).toBe('or');
    expect(parseRule('a && b || c').ast.kind).toBe('or');
    // If || bound tighter, (true || false) && false would be false.
    expect(ev('a || b && c', { a: true, b: false, c: false })).toBe(true);
    expect(ev('a && b || c', { a: false, b: true, c: true })).toBe(true);
  });

  it('unary ! binds tighter than comparison and &&', () => {
    expect(ev('!a == b', { a: true, b: false })).toBe(true);
    expect(ev('!a && b', { a: false, b: true })).toBe(true);
    expect(ev('!(a && b)', { a: true, b: false })).toBe(true);
    expect(ev('!!a', { a: true })).toBe(true);
  });

  it('arithmetic and logic are left-associative', () => {
    const ast = parseRule('a - b - c == 0').ast;
    expect(ast).toMatchObject({
      kind: 'cmp',
      left: { kind: 'arith', op: '-', left: { kind: 'arith', op: '-' } },
    });
    expect(parseRule('a && b && c').ast).toMatchObject({ kind: 'and', left: { kind: 'and' } });
  });

  it('parenthesised comparisons may be compared (V28)', () => {
    const rule = "(it_staff_status == 'khong_co') == (it_staff_count == 0)";
    expect(ev(rule, { it_staff_status: 'khong_co', it_staff_count: 0 })).toBe(true);
    expect(ev(rule, { it_staff_status: 'khong_co', it_staff_count: 2 })).toBe(false);
    expect(ev(rule, { it_staff_status: 'chuyen_trach', it_staff_count: 2 })).toBe(true);
  });
});

describe('operators', () => {
  it.each([
    ['3 + 4 == 7', true],
    ['3 - 4 == -1', true],
    ['3 * 4 == 12', true],
    ['3 / 4 == 0.75', true],
    ['1 == 1', true],
    ['1 == 2', false],
    ['1 != 2', true],
    ['1 != 1', false],
    ['1 < 2', true],
    ['2 < 2', false],
    ['2 <= 2', true],
    ['3 <= 2', false],
    ['3 > 2', true],
    ['2 > 2', false],
    ['2 >= 2', true],
    ['1 >= 2', false],
    ['true && true', true],
    ['true && false', false],
    ['false || true', true],
    ['false || false', false],
    ['!true', false],
    ['!false', true],
    ['true == true', true],
    ['true != false', true],
    ["'a' < 'b'", true],
    ["'b' <= 'a'", false],
    ["'abc' == 'abc'", true],
    ["'abc' != 'abd'", true],
    ["'Z' < 'a'", true],
  ])('%s → %s', (src, want) => {
    expect(ev(src)).toBe(want);
  });

  it('compares strings by code point, not by UTF-16 unit', () => {
    // As UTF-16 units '\uFFFF' > '😀' (a surrogate 0xD83D); as code points U+FFFF < U+1F600.
    expect(ev('a < b', { a: '\uffff', b: '😀' })).toBe(true);
    expect(ev('a < b', { a: 'ab', b: 'abc' })).toBe(true);
    expect(ev('a > b', { a: 'Việt', b: 'Viet' })).toBe(true);
  });

  it("reads escapes \\\\ and \\' in strings and keeps other backslashes", () => {
    expect(ev("a == 'it\\'s'", { a: "it's" })).toBe(true);
    expect(ev("a == 'a\\\\b'", { a: 'a\\b' })).toBe(true);
    expect(ev("a == 'a\\.b'", { a: 'a\\.b' })).toBe(true);
    expect(ev("a == ''", { a: '' })).toBe(true);
  });
});

describe('in', () => {
  it.each([
    ['3 in [1, 2, 3]', {}, true],
    ['4 in [1, 2, 3]', {}, false],
    ["'b' in ['a', 'b']", {}, true],
    ['x in []', { x: 1 }, false],
    ['0.3 in [0.1 + 0.2]', {}, true],
    ['x in [1, 2]', {}, null],
    ['2 in [x, 2]', {}, true],
    ['3 in [x, 2]', {}, null],
    ['x in [1, 2]', { x: '1' }, null],
    ['x in [true]', { x: true }, true],
  ] as const)('%s with %o → %s', (src, values, want) => {
    expect(ev(src, values)).toBe(want);
  });

  it('checks the plan year (V23)', () => {
    const rule = 'it_plan_date == null || year(it_plan_date) in [report_year - 1, report_year]';
    expect(ev(rule, { report_year: 2017 })).toBe(true);
    expect(ev(rule, { it_plan_date: '2016-12-20', report_year: 2017 })).toBe(true);
    expect(ev(rule, { it_plan_date: '2017-02-01', report_year: 2017 })).toBe(true);
    expect(ev(rule, { it_plan_date: '2015-12-31', report_year: 2017 })).toBe(false);
    expect(ev(rule, { it_plan_date: '2018-01-01', report_year: 2017 })).toBe(false);
    expect(ev(rule, { it_plan_date: '2015-12-31' })).toBe(null);
  });
});

describe('functions', () => {
  it('year', () => {
    expect(ev("year('2017-03-05') == 2017")).toBe(true);
    expect(ev("year('2016-02-29') == 2016")).toBe(true);
    expect(ev("year('2017-02-29') == 2017")).toBe(null);
    expect(ev("year('2017-13-01') == 2017")).toBe(null);
    expect(ev("year('2017-3-5') == 2017")).toBe(null);
    expect(ev('year(d) == 2017', { d: 2017 })).toBe(null);
    expect(ev('year(d) == 2017', {})).toBe(null);
  });

  it('abs', () => {
    expect(ev('abs(-3) == 3')).toBe(true);
    expect(ev('abs(3) == 3')).toBe(true);
    expect(ev('abs(0.5 - 1) == 0.5')).toBe(true);
    expect(ev('abs(x) == 1', { x: 'a' })).toBe(null);
  });

  it('matches (V33)', () => {
    const rule =
      "website_url == null || matches(website_url, '^https?://([a-z0-9-]+\\\\.)*caobang\\\\.gov\\\\.vn')";
    expect(ev(rule, {})).toBe(true);
    expect(ev(rule, { website_url: 'https://sotttt.caobang.gov.vn/' })).toBe(true);
    expect(ev(rule, { website_url: 'http://caobang.gov.vn' })).toBe(true);
    expect(ev(rule, { website_url: 'http://sotttt-caobang.com.vn' })).toBe(false);
    expect(ev(rule, { website_url: 'http://caobangxgov.vn' })).toBe(false);
    expect(ev("matches(x, '^Sở\\s')", { x: 'Sở TTTT' })).toBe(true);
    expect(ev("matches(x, '^\\d+$')", { x: 12 })).toBe(null);
  });

  it('compiles the regex once, at parse time', () => {
    const rule = parseRule("matches(x, '^a')");
    expect(rule.ast).toMatchObject({
      kind: 'call',
      fn: 'matches',
      args: [{ kind: 'field' }, { kind: 'str', value: '^a' }],
    });
    for (let i = 0; i < 3; i++) expect(evaluateRule(rule, scopeOf({ x: 'abc' }))).toBe(true);
  });
});

describe('three-valued logic', () => {
  const T = true;
  const F = false;
  const U = undefined;
  // Kleene's tables: false wins "and", true wins "or", unknown otherwise.
  it.each([
    [T, T, true, true],
    [T, F, false, true],
    [T, U, null, true],
    [F, T, false, true],
    [F, F, false, false],
    [F, U, false, null],
    [U, T, null, true],
    [U, F, false, null],
    [U, U, null, null],
  ])('a=%s b=%s: a && b → %s, a || b → %s', (a, b, and, or) => {
    expect(ev('a && b', { a, b })).toBe(and);
    expect(ev('a || b', { a, b })).toBe(or);
  });

  it('!unknown is unknown', () => {
    expect(ev('!a', {})).toBe(null);
  });

  it('a missing value never fails a rule', () => {
    expect(ev('staff_with_computer <= total_staff', { staff_with_computer: 50 })).toBe(null);
    expect(ev('staff_with_computer <= total_staff', {})).toBe(null);
    expect(ev('a + 1 == 2', {})).toBe(null);
    expect(ev('-a == 2', {})).toBe(null);
    expect(ev('a == b', { a: null, b: 1 })).toBe(null);
    expect(ev('a != b', { a: 1 })).toBe(null);
  });

  it('== null and != null are the explicit tests for a missing value', () => {
    expect(ev('x == null', {})).toBe(true);
    expect(ev('x == null', { x: null })).toBe(true);
    expect(ev('x == null', { x: 0 })).toBe(false);
    expect(ev('x == null', { x: false })).toBe(false);
    expect(ev('x == null', { x: '' })).toBe(false);
    expect(ev('null == x', {})).toBe(true);
    expect(ev('x != null', {})).toBe(false);
    expect(ev('x != null', { x: 3 })).toBe(true);
    expect(ev('null == null')).toBe(true);
    expect(ev('(a + b) == null', { b: 1 })).toBe(true);
    expect(ev('prev.x == null', { x: 1 })).toBe(true);
  });

  it('V22: a plan needs its date', () => {
    const rule = '!it_plan_issued || it_plan_date != null';
    expect(ev(rule, { it_plan_issued: true })).toBe(false);
    expect(ev(rule, { it_plan_issued: true, it_plan_date: '2017-01-05' })).toBe(true);
    expect(ev(rule, { it_plan_issued: false })).toBe(true);
    // Unknown whether a plan exists, and no date: unknown, so no finding.
    expect(ev(rule, {})).toBe(null);
  });
});

describe('exact numbers', () => {
  it('0.1 + 0.2 == 0.3', () => {
    expect(ev('0.1 + 0.2 == 0.3')).toBe(true);
    expect(ev('a + b == c', { a: 0.1, b: 0.2, c: 0.3 })).toBe(true);
    expect(ev('a + b > c', { a: 0.1, b: 0.2, c: 0.3 })).toBe(false);
  });

  it('abs(13 - 10) / 10 <= 0.3 holds exactly (V35 at the boundary)', () => {
    expect(ev('abs(13 - 10) / 10 <= 0.3')).toBe(true);
    const rule = 'abs(total_staff - prev.total_staff) / prev.total_staff <= 0.3';
    expect(ev(rule, { total_staff: 13 }, { total_staff: 10 })).toBe(true);
    expect(ev(rule, { total_staff: 7 }, { total_staff: 10 })).toBe(true);
    expect(ev(rule, { total_staff: 14 }, { total_staff: 10 })).toBe(false);
    expect(ev(rule, { total_staff: 14 })).toBe(null);
  });

  it('keeps thirds and integers beyond 2^53 exact', () => {
    expect(ev('1 / 3 * 3 == 1')).toBe(true);
    expect(ev('9007199254740992 + 1 == 9007199254740993')).toBe(true);
    expect(ev('9007199254740993 > 9007199254740992')).toBe(true);
  });

  it('accepts exact values (Q) from the scope', () => {
    expect(ev('a * 3 == 1', { a: { n: 1, d: 3 } })).toBe(true);
    expect(ev('a == 1', { a: { n: 1n, d: 1n } })).toBe(true);
  });

  it('property: decimals read as written', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e9, max: 1e9 }), (x, y) => {
        expect(ev('a + b == c', { a: x / 100, b: y / 100, c: (x + y) / 100 })).toBe(true);
      }),
    );
  });
});

describe('division by zero and type mismatches are unknown', () => {
  it.each([
    ['1 / 0 == 1', {}],
    ['1 / 0 != 1', {}],
    ['a / b <= 1', { a: 1, b: 0 }],
    ['a < b', { a: 1, b: '2' }],
    ['a == b', { a: 1, b: '1' }],
    ['a == b', { a: true, b: 1 }],
    ['a < b', { a: true, b: false }],
    ['!a', { a: 1 }],
    ['-a == 1', { a: 'x' }],
    ['a + 1 == 2', { a: true }],
    ['a && true', { a: 1 }],
    ['a', { a: 1 }],
    ['a', { a: 'yes' }],
    ['a == 1', { a: Number.NaN }],
    ['a == 1', { a: Number.POSITIVE_INFINITY }],
    ['a == 1', { a: [1] }],
    ['a == 1', { a: { n: 1 } }],
    ['a == 1', { a: () => 1 }],
  ] as const)('%s with %o', (src, values) => {
    expect(ev(src, values)).toBe(null);
  });

  it('a decided side still wins: true || mismatch is true, false && mismatch is false', () => {
    expect(ev('a || true', { a: 1 })).toBe(true);
    expect(ev('a && false', { a: 1 })).toBe(false);
  });

  it('1 / 0 is unknown, so it counts as missing for == null', () => {
    expect(ev('1 / 0 == null')).toBe(true);
  });
});

describe('fields', () => {
  it('lists distinct fields and previous-year fields in order of appearance', () => {
    const rule = parseRule('b < a && a < c || prev.b == prev.a && prev.b == 1 && year(d) == 2017');
    expect(rule.fields).toEqual(['b', 'a', 'c', 'd']);
    expect(rule.prevFields).toEqual(['b', 'a']);
  });

  it('literals and function names are not fields', () => {
    const rule = parseRule("abs(x) == 1 && matches(s, 'a') && true != null");
    expect(rule.fields).toEqual(['x', 's']);
    expect(rule.prevFields).toEqual([]);
  });

  it('a rule stored as JSON evaluates the same after reloading', () => {
    const src = "abs(a - prev.a) / prev.a <= 0.3 && matches(s, '^x') && year(d) in [2017]";
    const stored = JSON.parse(JSON.stringify(parseRule(src))) as Rule;
    const scope = scopeOf({ a: 13, s: 'xy', d: '2017-01-01' }, { a: 10 });
    expect(evaluateRule(stored, scope)).toBe(true);
    expect(evaluateRule(stored, scopeOf({ a: 14, s: 'xy', d: '2017-01-01' }, { a: 10 }))).toBe(false);
  });
});

describe('syntax errors', () => {
  it.each([
    [
      '(a < b',
      6,
      "Thiếu dấu ')' ở vị trí 6 (để đóng dấu '(' ở vị trí 0)",
      "Missing ')' at position 6 (to close '(' at position 0)",
    ],
    [
      'abs(x - 1 <= 2',
      14,
      "Thiếu dấu ')' ở vị trí 14 (để đóng dấu '(' ở vị trí 3)",
      "Missing ')' at position 14 (to close '(' at position 3)",
    ],
    [
      'x in [1, 2',
      10,
      "Thiếu dấu ']' ở vị trí 10 (để đóng dấu '[' ở vị trí 5)",
      "Missing ']' at position 10 (to close '[' at position 5)",
    ],
    [
      'a <= ',
      5,
      'Quy tắc kết thúc đột ngột ở vị trí 5: còn thiếu một giá trị',
      'Unexpected end of the rule at position 5: a value is missing',
    ],
    ['a <= * b', 5, "Cần một giá trị ở vị trí 5 nhưng gặp '*'", "Expected a value at position 5, found '*'"],
    [
      'foo(x) == 1',
      0,
      "Không có hàm 'foo' (vị trí 0); các hàm dùng được: year, abs, matches",
      "Unknown function 'foo' at position 0; known functions: year, abs, matches",
    ],
    [
      "a == 'abc",
      5,
      "Chuỗi bắt đầu ở vị trí 5 chưa được đóng bằng dấu nháy đơn (')",
      "Unterminated string starting at position 5: missing closing quote (')",
    ],
    [
      "matches(a, '([a-z]')",
      11,
      "Biểu thức chính quy '([a-z]' ở vị trí 11 không hợp lệ (Unterminated group)",
      "Invalid regular expression '([a-z]' at position 11: Unterminated group",
    ],
    [
      'a < b c',
      6,
      "Thừa 'c' ở vị trí 6 sau khi biểu thức đã kết thúc",
      "Unexpected 'c' at position 6 after the end of the expression",
    ],
    ['a < b)', 5, "Dấu ')' ở vị trí 5 không có dấu mở tương ứng", "Unmatched ')' at position 5"],
    ['', 0, 'Quy tắc trống', 'The rule is empty'],
    ['   ', 0, 'Quy tắc trống', 'The rule is empty'],
  ])('%j', (src, position, vi, en) => {
    const e = syntaxError(src);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('RuleSyntaxError');
    expect(e.position).toBe(position);
    expect(e.text).toEqual({ vi, en });
    expect(e.message).toBe(`${vi} [${en}]`);
  });

  it.each([
    ['a = 1', 2, "Use '==' to compare (position 2)"],
    ['a & b', 2, 'Use \'&&\' for "and" (position 2)'],
    ['a | b', 2, 'Use \'||\' for "or" (position 2)'],
    ['a == "x"', 5, "Strings use single quotes '...', not double quotes (position 5)"],
    ['a # b', 2, "Unexpected character '#' at position 2"],
    [
      'Total < 1',
      0,
      "Unexpected character 'T' at position 0: field keys use lowercase letters, digits and '_'",
    ],
    ['1. < a', 0, "Malformed number '1.' at position 0: a digit must follow the decimal point"],
    ['12abc < 1', 2, "Unexpected 'a' right after a number at position 2"],
    [
      'a and b',
      2,
      "Unexpected 'and' at position 2 after the end of the expression (use '&&' instead of 'and')",
    ],
    ['not a', 4, "Unexpected 'a' at position 4 after the end of the expression"],
    [
      '0 <= x <= 2',
      7,
      'Comparisons cannot be chained at position 7; use && (e.g. a <= b && b <= c) or add parentheses',
    ],
    ['x in (1, 2)', 5, "Expected '[' after 'in' (position 2), found '(' at position 5"],
    ['prev < 1', 0, "'prev' at position 0 must name a field, e.g. prev.total_staff"],
    ['prev.1 < 1', 5, "Expected a field key after 'prev.' at position 5, found '1'"],
    ['a.b < 1', 1, "'.' at position 1 is only allowed after 'prev' (e.g. prev.a)"],
    ['abs(1, 2) == 1', 0, "Function 'abs' at position 0 takes 1 argument, got 2"],
    ['matches(a) == 1', 0, "Function 'matches' at position 0 takes 2 arguments, got 1"],
    [
      'matches(a, b)',
      11,
      'The second argument of matches (position 11) must be a string literal in single quotes',
    ],
    ['in == 1', 0, "Expected a value at position 0, found 'in'"],
  ])('%j', (src, position, en) => {
    const e = syntaxError(src);
    expect(e.position).toBe(position);
    expect(e.text.en).toBe(en);
    expect(e.text.vi.length).toBeGreaterThan(0);
  });

  it.each([
    [
      'total_staff + 1',
      0,
      'A rule needs a true/false value, but the expression at position 0 gives a number',
    ],
    ["'x'", 0, 'A rule needs a true/false value, but the expression at position 0 gives a text'],
    ['null', 0, 'A rule needs a true/false value, but the expression at position 0 gives null'],
    ['a && 1', 5, "'&&' needs a true/false value, but the expression at position 5 gives a number"],
    ['!1', 1, "'!' needs a true/false value, but the expression at position 1 gives a number"],
    ['-true == 1', 1, "'-' needs a number, but the expression at position 1 gives a true/false value"],
    ["a + 'x' == 1", 4, "'+' needs a number, but the expression at position 4 gives a text"],
    ['a < (b == c)', 5, "'<' cannot order a true/false value (position 5); use '==' or '!='"],
    [
      'a < null',
      4,
      "Cannot use '<' with null (position 4); test a missing value with '== null' or '!= null'",
    ],
    ["1 == 'a'", 5, "'==' compares a number with a text (position 5): the types do not compare"],
    ["1 < 'a'", 4, "'<' compares a number with a text (position 4): the types do not compare"],
    ['year(1) == 2017', 5, "'year' needs a text, but the expression at position 5 gives a number"],
    ["abs('x') == 1", 4, "'abs' needs a number, but the expression at position 4 gives a text"],
  ])('rejects a rule that could never fire: %j', (src, position, en) => {
    const e = syntaxError(src);
    expect(e.position).toBe(position);
    expect(e.text.en).toBe(en);
  });

  it('limits nesting instead of overflowing the stack', () => {
    const e = syntaxError(`${'('.repeat(500)}a${')'.repeat(500)}`);
    expect(e.text.en).toMatch(/nested too deeply/);
    expect(syntaxError(`${'!'.repeat(500)}a`).text.en).toMatch(/nested too deeply/);
    expect(ev(`${'('.repeat(50)}a${')'.repeat(50)}`, { a: true })).toBe(true);
  });
});

describe('the language cannot reach outside its scope', () => {
  const undefinedScope: RuleScope = { value: () => undefined, prev: () => undefined };

  it('constructor, __proto__ and friends are plain field keys', () => {
    for (const key of [
      'constructor',
      '__proto__',
      'prototype',
      'hasownproperty',
      'valueof',
      'process',
      'globalthis',
    ]) {
      const rule = parseRule(`${key} == null`);
      expect(rule.fields).toEqual([key]);
      expect(evaluateRule(rule, undefinedScope)).toBe(true);
      expect(evaluateRule(parseRule(`${key} == 1`), undefinedScope)).toBe(null);
      expect(evaluateRule(parseRule(`prev.${key} != null`), undefinedScope)).toBe(false);
    }
  });

  it('toString cannot even be written (field keys are lowercase)', () => {
    expect(syntaxError('toString == null').position).toBe(2);
  });

  it('there is no member access or indexing', () => {
    expect(syntaxError('constructor.name == 1').position).toBe(11);
    expect(syntaxError("a['constructor'] == 1").position).toBe(1);
    expect(syntaxError('constructor(1) == 1').text.en).toMatch(/Unknown function 'constructor'/);
    expect(syntaxError('prev.constructor.name == 1').position).toBe(16);
  });

  it('scopeOf reads own keys only, never the prototype chain', () => {
    const values = Object.create({ inherited: 5 }) as Record_;
    expect(ev('inherited == null', values)).toBe(true);
    for (const key of ['constructor', '__proto__', 'hasownproperty'])
      expect(ev(`${key} == null`, {})).toBe(true);
    // An own "__proto__" key (as JSON.parse makes) is just data.
    expect(ev('__proto__ == 5', JSON.parse('{"__proto__": 5}') as Record_)).toBe(true);
  });

  it('only asks the scope for the keys the rule names', () => {
    const asked: string[] = [];
    const spy: RuleScope = {
      value: (k) => {
        asked.push(`value:${k}`);
        return 1;
      },
      prev: (k) => {
        asked.push(`prev:${k}`);
        return 1;
      },
    };
    expect(evaluateRule(parseRule('constructor + prev.__proto__ == 2'), spy)).toBe(true);
    expect(asked).toEqual(['value:constructor', 'prev:__proto__']);
  });
});

describe('property: a <= b fails exactly when a > b', () => {
  const rule = parseRule('a <= b');
  it('holds for random integers', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (a, b) => {
        expect(evaluateRule(rule, scopeOf({ a, b })) === false).toBe(a > b);
      }),
    );
  });

  it('holds for random safe integers and bigints beyond them', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
        fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
        (a, b) => {
          expect(evaluateRule(rule, scopeOf({ a, b })) === false).toBe(a > b);
        },
      ),
    );
  });
});
