/**
 * The logic-check language of a criteria set's `validations` (R10): a small, safe expression
 * language that reads an agency's field values and says whether the data hold together.
 *
 * Safety: the source is tokenized and parsed into a plain AST, then compiled into closures over a
 * fixed set of operators and three functions. Nothing is ever looked up by name at evaluation
 * except through `RuleScope`, so a rule cannot reach object internals (`constructor`,
 * `__proto__`) or any global. There is no `eval` and no `Function`.
 *
 * Logic is three-valued (true, false, unknown): a missing value makes every operation on it
 * unknown, and a rule only fails when it is exactly false, so incomplete data never raises a
 * false alarm. Numbers are exact rationals (exact.ts): `0.1 + 0.2 == 0.3` holds.
 */
import {
  abs,
  add,
  cmp,
  div,
  fromDecimalString,
  fromNumber,
  isZero,
  mul,
  neg,
  type Q,
  q,
  sub,
} from '../exact.ts';

/** A message in Vietnamese and English. */
export interface BiText {
  readonly vi: string;
  readonly en: string;
}

/** A rule that cannot be parsed; `position` is the 0-based character offset of the problem. */
export class RuleSyntaxError extends Error {
  readonly position: number;
  readonly text: BiText;
  /** The validation id, when the error was raised while compiling a criteria set. */
  readonly ruleId: string | undefined;

  constructor(position: number, text: BiText, ruleId?: string) {
    super(`${text.vi} [${text.en}]`);
    this.name = 'RuleSyntaxError';
    this.position = position;
    this.text = text;
    this.ruleId = ruleId;
  }
}

// ---------------------------------------------------------------------------------------------
// AST (plain data: a Rule can be stored or sent as JSON and compiled again)

export type CmpOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithOp = '+' | '-' | '*' | '/';
export type FunctionName = 'year' | 'abs' | 'matches';

export type Node =
  | { readonly kind: 'num'; readonly text: string; readonly pos: number }
  | { readonly kind: 'str'; readonly value: string; readonly pos: number }
  | { readonly kind: 'bool'; readonly value: boolean; readonly pos: number }
  | { readonly kind: 'null'; readonly pos: number }
  | { readonly kind: 'field'; readonly key: string; readonly pos: number }
  | { readonly kind: 'prev'; readonly key: string; readonly pos: number }
  | { readonly kind: 'not' | 'neg'; readonly operand: Node; readonly pos: number }
  | {
      readonly kind: 'arith';
      readonly op: ArithOp;
      readonly left: Node;
      readonly right: Node;
      readonly pos: number;
    }
  | {
      readonly kind: 'cmp';
      readonly op: CmpOp;
      readonly left: Node;
      readonly right: Node;
      readonly pos: number;
    }
  | { readonly kind: 'in'; readonly value: Node; readonly list: readonly Node[]; readonly pos: number }
  | { readonly kind: 'and' | 'or'; readonly left: Node; readonly right: Node; readonly pos: number }
  | {
      readonly kind: 'call';
      readonly fn: FunctionName;
      readonly args: readonly Node[];
      readonly pos: number;
    };

/** A parsed rule. `fields`/`prevFields` let the criteria loader reject unknown field keys. */
export interface Rule {
  readonly source: string;
  readonly ast: Node;
  /** Distinct field keys read for the current year, in order of appearance. */
  readonly fields: readonly string[];
  /** Distinct field keys read as `prev.key` (previous year), in order of appearance. */
  readonly prevFields: readonly string[];
}

/**
 * Where a rule reads its values. Return a JS number (read as the decimal it prints as), an exact
 * `Q`, a boolean, a string (dates as 'YYYY-MM-DD'), or undefined/null for "not given". Anything
 * else counts as not given.
 */
export interface RuleScope {
  value(key: string): unknown;
  prev(key: string): unknown;
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

type TokType = 'num' | 'str' | 'ident' | 'op' | 'eof';

interface Token {
  readonly type: TokType;
  /** The identifier, operator or number text; for strings the decoded value. */
  readonly value: string;
  readonly pos: number;
  /** The token as written, for messages. */
  readonly raw: string;
}

const TWO_CHAR_OPS = new Set(['==', '!=', '<=', '>=', '&&', '||']);
const ONE_CHAR_OPS = new Set(['(', ')', '[', ']', ',', '.', '!', '-', '+', '*', '/', '<', '>']);

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isIdentStart = (c: string): boolean => (c >= 'a' && c <= 'z') || c === '_';
const isIdentPart = (c: string): boolean => isIdentStart(c) || isDigit(c);
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

function err(pos: number, vi: string, en: string): RuleSyntaxError {
  return new RuleSyntaxError(pos, { vi, en });
}

/** Splits the source into tokens; the last one is always `eof`. */
function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      i = readNumber(src, i);
      const raw = src.slice(start, i);
      tokens.push({ type: 'num', value: raw, pos: start, raw });
    } else if (isIdentStart(c)) {
      while (i < src.length && isIdentPart(src[i]!)) i++;
      const raw = src.slice(start, i);
      tokens.push({ type: 'ident', value: raw, pos: start, raw });
    } else if (c === "'") {
      const [value, end] = readString(src, i);
      i = end;
      tokens.push({ type: 'str', value, pos: start, raw: src.slice(start, i) });
    } else if (TWO_CHAR_OPS.has(src.slice(i, i + 2))) {
      const op = src.slice(i, i + 2);
      i += 2;
      tokens.push({ type: 'op', value: op, pos: start, raw: op });
    } else if (ONE_CHAR_OPS.has(c)) {
      i++;
      tokens.push({ type: 'op', value: c, pos: start, raw: c });
    } else {
      throw badCharacter(src, i);
    }
  }
  tokens.push({ type: 'eof', value: '', pos: src.length, raw: '' });
  return tokens;
}

/** Reads `123` or `12.5`; a dot must have digits on both sides so `prev.x` stays unambiguous. */
function readNumber(src: string, start: number): number {
  let i = start;
  while (i < src.length && isDigit(src[i]!)) i++;
  if (src[i] === '.') {
    if (!isDigit(src[i + 1] ?? '')) {
      const raw = src.slice(start, i + 1);
      throw err(
        start,
        `Số '${raw}' ở vị trí ${start} không hợp lệ: sau dấu chấm phải có chữ số`,
        `Malformed number '${raw}' at position ${start}: a digit must follow the decimal point`,
      );
    }
    i++;
    while (i < src.length && isDigit(src[i]!)) i++;
  }
  if (i < src.length && isIdentPart(src[i]!)) {
    throw err(
      i,
      `Ký tự '${src[i]}' ở vị trí ${i} không được dính liền sau số`,
      `Unexpected '${src[i]}' right after a number at position ${i}`,
    );
  }
  return i;
}

/**
 * Reads a single-quoted string. Only `\\` and `\'` are escapes; any other backslash is kept as
 * written, so a regex such as '\d+' or 'caobang\.gov' reads the way its author meant it.
 */
function readString(src: string, start: number): [string, number] {
  let out = '';
  let i = start + 1;
  while (i < src.length) {
    const c = src[i]!;
    if (c === "'") return [out, i + 1];
    if (c === '\\' && (src[i + 1] === '\\' || src[i + 1] === "'")) {
      out += src[i + 1];
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  throw err(
    start,
    `Chuỗi bắt đầu ở vị trí ${start} chưa được đóng bằng dấu nháy đơn (')`,
    `Unterminated string starting at position ${start}: missing closing quote (')`,
  );
}

function badCharacter(src: string, i: number): RuleSyntaxError {
  const c = String.fromCodePoint(src.codePointAt(i)!);
  if (c === '=') return err(i, `Dùng '==' để so sánh (vị trí ${i})`, `Use '==' to compare (position ${i})`);
  if (c === '&') return err(i, `Dùng '&&' cho phép "và" (vị trí ${i})`, `Use '&&' for "and" (position ${i})`);
  if (c === '|')
    return err(i, `Dùng '||' cho phép "hoặc" (vị trí ${i})`, `Use '||' for "or" (position ${i})`);
  if (c === '"') {
    return err(
      i,
      `Chuỗi phải đặt trong dấu nháy đơn '...', không dùng nháy kép (vị trí ${i})`,
      `Strings use single quotes '...', not double quotes (position ${i})`,
    );
  }
  if (c >= 'A' && c <= 'Z') {
    return err(
      i,
      `Ký tự '${c}' ở vị trí ${i} không hợp lệ: tên trường chỉ gồm chữ thường, số và dấu gạch dưới`,
      `Unexpected character '${c}' at position ${i}: field keys use lowercase letters, digits and '_'`,
    );
  }
  return err(i, `Ký tự '${c}' ở vị trí ${i} không hợp lệ`, `Unexpected character '${c}' at position ${i}`);
}

// ---------------------------------------------------------------------------------------------
// Parser (recursive descent; one function per precedence level)

const RESERVED = new Set(['true', 'false', 'null', 'in', 'prev']);
const CMP_OPS = new Set<string>(['==', '!=', '<', '<=', '>', '>=']);
const ARITY: Readonly<Record<FunctionName, number>> = { year: 1, abs: 1, matches: 2 };
const isFunctionName = (name: string): name is FunctionName => Object.hasOwn(ARITY, name);
/** Deep enough for any real rule; stops hostile input from overflowing the stack. */
const MAX_DEPTH = 100;

/** Describes a token for a message: "'x'", or the end of the rule. */
function describe(t: Token): BiText {
  if (t.type === 'eof') return { vi: 'cuối quy tắc', en: 'the end of the rule' };
  // A string token is shown as written, quotes included.
  const shown = t.type === 'str' ? t.raw : `'${t.raw}'`;
  return { vi: shown, en: shown };
}

class Parser {
  private readonly tokens: Token[];
  private i = 0;
  private depth = 0;
  readonly fields: string[] = [];
  readonly prevFields: string[] = [];

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  private peek(): Token {
    return this.tokens[this.i]!;
  }

  private next(): Token {
    const t = this.tokens[this.i]!;
    if (t.type !== 'eof') this.i++;
    return t;
  }

  private isOp(value: string): boolean {
    const t = this.peek();
    return t.type === 'op' && t.value === value;
  }

  parseRule(): Node {
    if (this.peek().type === 'eof') throw err(0, 'Quy tắc trống', 'The rule is empty');
    const node = this.parseOr();
    const t = this.peek();
    if (t.type !== 'eof') throw this.trailing(t);
    return node;
  }

  private trailing(t: Token): RuleSyntaxError {
    const hint = wordOperatorHint(t);
    if (t.type === 'op' && (t.value === ')' || t.value === ']')) {
      return err(
        t.pos,
        `Dấu '${t.value}' ở vị trí ${t.pos} không có dấu mở tương ứng`,
        `Unmatched '${t.value}' at position ${t.pos}`,
      );
    }
    return err(
      t.pos,
      `Thừa ${describe(t).vi} ở vị trí ${t.pos} sau khi biểu thức đã kết thúc${hint.vi}`,
      `Unexpected ${describe(t).en} at position ${t.pos} after the end of the expression${hint.en}`,
    );
  }

  private enter(pos: number): void {
    if (++this.depth > MAX_DEPTH) {
      throw err(
        pos,
        `Biểu thức lồng nhau quá sâu ở vị trí ${pos} (tối đa ${MAX_DEPTH} mức)`,
        `Expression nested too deeply at position ${pos} (at most ${MAX_DEPTH} levels)`,
      );
    }
  }

  private parseOr(): Node {
    this.enter(this.peek().pos);
    let left = this.parseAnd();
    while (this.isOp('||')) {
      const pos = this.next().pos;
      left = { kind: 'or', left, right: this.parseAnd(), pos };
    }
    this.depth--;
    return left;
  }

  private parseAnd(): Node {
    let left = this.parseComparison();
    while (this.isOp('&&')) {
      const pos = this.next().pos;
      left = { kind: 'and', left, right: this.parseComparison(), pos };
    }
    return left;
  }

  /** Comparisons do not chain: `0 <= x <= 2` would silently never fire, so it is an error. */
  private parseComparison(): Node {
    const left = this.parseAdditive();
    const node = this.parseComparisonTail(left);
    if (node !== left && this.atComparison()) {
      const t = this.peek();
      throw err(
        t.pos,
        `Không thể nối liền hai phép so sánh ở vị trí ${t.pos}; dùng && (ví dụ a <= b && b <= c) hoặc thêm dấu ngoặc`,
        `Comparisons cannot be chained at position ${t.pos}; use && (e.g. a <= b && b <= c) or add parentheses`,
      );
    }
    return node;
  }

  private atComparison(): boolean {
    const t = this.peek();
    return (t.type === 'op' && CMP_OPS.has(t.value)) || (t.type === 'ident' && t.value === 'in');
  }

  private parseComparisonTail(left: Node): Node {
    const t = this.peek();
    if (t.type === 'op' && CMP_OPS.has(t.value)) {
      this.next();
      return { kind: 'cmp', op: t.value as CmpOp, left, right: this.parseAdditive(), pos: t.pos };
    }
    if (t.type === 'ident' && t.value === 'in') {
      this.next();
      return { kind: 'in', value: left, list: this.parseList(t), pos: t.pos };
    }
    return left;
  }

  private parseList(inTok: Token): Node[] {
    const open = this.peek();
    if (!this.isOp('[')) {
      throw err(
        open.pos,
        `Cần dấu '[' sau 'in' (vị trí ${inTok.pos}) nhưng gặp ${describe(open).vi} ở vị trí ${open.pos}`,
        `Expected '[' after 'in' (position ${inTok.pos}), found ${describe(open).en} at position ${open.pos}`,
      );
    }
    this.next();
    const items: Node[] = [];
    if (this.isOp(']')) {
      this.next();
      return items;
    }
    for (;;) {
      items.push(this.parseOr());
      if (this.isOp(',')) {
        this.next();
        continue;
      }
      this.expectClose(']', open);
      return items;
    }
  }

  private expectClose(close: ')' | ']', open: Token): void {
    const t = this.peek();
    if (t.type === 'op' && t.value === close) {
      this.next();
      return;
    }
    throw err(
      t.pos,
      `Thiếu dấu '${close}' ở vị trí ${t.pos} (để đóng dấu '${open.value}' ở vị trí ${open.pos})`,
      `Missing '${close}' at position ${t.pos} (to close '${open.value}' at position ${open.pos})`,
    );
  }

  private parseAdditive(): Node {
    let left = this.parseMultiplicative();
    for (let t = this.peek(); t.type === 'op' && (t.value === '+' || t.value === '-'); t = this.peek()) {
      this.next();
      left = { kind: 'arith', op: t.value as ArithOp, left, right: this.parseMultiplicative(), pos: t.pos };
    }
    return left;
  }

  private parseMultiplicative(): Node {
    let left = this.parseUnary();
    for (let t = this.peek(); t.type === 'op' && (t.value === '*' || t.value === '/'); t = this.peek()) {
      this.next();
      left = { kind: 'arith', op: t.value as ArithOp, left, right: this.parseUnary(), pos: t.pos };
    }
    return left;
  }

  private parseUnary(): Node {
    const t = this.peek();
    if (t.type === 'op' && (t.value === '!' || t.value === '-')) {
      this.next();
      this.enter(t.pos);
      const operand = this.parseUnary();
      this.depth--;
      return { kind: t.value === '!' ? 'not' : 'neg', operand, pos: t.pos };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Node {
    const t = this.next();
    switch (t.type) {
      case 'num':
        return { kind: 'num', text: t.value, pos: t.pos };
      case 'str':
        return { kind: 'str', value: t.value, pos: t.pos };
      case 'ident':
        return this.parseIdentifier(t);
      case 'op':
        if (t.value === '(') {
          const inner = this.parseOr();
          this.expectClose(')', t);
          return inner;
        }
        throw this.expectedValue(t);
      default:
        throw this.expectedValue(t);
    }
  }

  private expectedValue(t: Token): RuleSyntaxError {
    if (t.type === 'eof') {
      return err(
        t.pos,
        `Quy tắc kết thúc đột ngột ở vị trí ${t.pos}: còn thiếu một giá trị`,
        `Unexpected end of the rule at position ${t.pos}: a value is missing`,
      );
    }
    const hint = wordOperatorHint(t);
    return err(
      t.pos,
      `Cần một giá trị ở vị trí ${t.pos} nhưng gặp ${describe(t).vi}${hint.vi}`,
      `Expected a value at position ${t.pos}, found ${describe(t).en}${hint.en}`,
    );
  }

  private parseIdentifier(t: Token): Node {
    switch (t.value) {
      case 'true':
      case 'false':
        return { kind: 'bool', value: t.value === 'true', pos: t.pos };
      case 'null':
        return { kind: 'null', pos: t.pos };
      case 'prev':
        return this.parsePrev(t);
      case 'in':
        throw this.expectedValue(t);
    }
    if (this.isOp('(')) return this.parseCall(t);
    if (this.isOp('.')) {
      const dot = this.peek();
      throw err(
        dot.pos,
        `Dấu '.' ở vị trí ${dot.pos} chỉ dùng sau 'prev' (ví dụ prev.${t.value})`,
        `'.' at position ${dot.pos} is only allowed after 'prev' (e.g. prev.${t.value})`,
      );
    }
    remember(this.fields, t.value);
    return { kind: 'field', key: t.value, pos: t.pos };
  }

  private parsePrev(t: Token): Node {
    if (!this.isOp('.')) {
      throw err(
        t.pos,
        `'prev' ở vị trí ${t.pos} phải kèm tên trường, ví dụ prev.total_staff`,
        `'prev' at position ${t.pos} must name a field, e.g. prev.total_staff`,
      );
    }
    this.next();
    const key = this.next();
    if (key.type !== 'ident' || RESERVED.has(key.value)) {
      throw err(
        key.pos,
        `Cần tên trường sau 'prev.' ở vị trí ${key.pos} nhưng gặp ${describe(key).vi}`,
        `Expected a field key after 'prev.' at position ${key.pos}, found ${describe(key).en}`,
      );
    }
    remember(this.prevFields, key.value);
    return { kind: 'prev', key: key.value, pos: t.pos };
  }

  private parseCall(name: Token): Node {
    if (!isFunctionName(name.value)) {
      throw err(
        name.pos,
        `Không có hàm '${name.value}' (vị trí ${name.pos}); các hàm dùng được: year, abs, matches`,
        `Unknown function '${name.value}' at position ${name.pos}; known functions: year, abs, matches`,
      );
    }
    const open = this.next();
    const args: Node[] = [];
    if (!this.isOp(')')) {
      for (;;) {
        args.push(this.parseOr());
        if (!this.isOp(',')) break;
        this.next();
      }
    }
    this.expectClose(')', open);
    const fn = name.value;
    const arity = ARITY[fn];
    if (args.length !== arity) {
      throw err(
        name.pos,
        `Hàm '${fn}' (vị trí ${name.pos}) cần ${arity} đối số, nhưng có ${args.length}`,
        `Function '${fn}' at position ${name.pos} takes ${arity} argument${arity === 1 ? '' : 's'}, got ${args.length}`,
      );
    }
    if (fn === 'matches') checkRegexArgument(args[1]!);
    return { kind: 'call', fn, args, pos: name.pos };
  }
}

function remember(list: string[], key: string): void {
  if (!list.includes(key)) list.push(key);
}

const WORD_OPERATORS: ReadonlyMap<string, string> = new Map([
  ['and', '&&'],
  ['or', '||'],
  ['not', '!'],
]);

/** `and`, `or`, `not` are common slips for the symbols; say so instead of a bare "unexpected". */
function wordOperatorHint(t: Token): BiText {
  const symbol = t.type === 'ident' ? WORD_OPERATORS.get(t.value) : undefined;
  if (symbol === undefined) return { vi: '', en: '' };
  return {
    vi: ` (dùng '${symbol}' thay cho '${t.value}')`,
    en: ` (use '${symbol}' instead of '${t.value}')`,
  };
}

function checkRegexArgument(arg: Node): void {
  if (arg.kind !== 'str') {
    throw err(
      arg.pos,
      `Đối số thứ hai của matches (vị trí ${arg.pos}) phải là một chuỗi cố định trong dấu nháy đơn`,
      `The second argument of matches (position ${arg.pos}) must be a string literal in single quotes`,
    );
  }
  compileRegex(arg.value, arg.pos);
}

function compileRegex(source: string, pos: number): RegExp {
  try {
    // 'u': Vietnamese letters and any astral character count as one character each.
    return new RegExp(source, 'u');
  } catch (e) {
    // The engine's message repeats the pattern ("Invalid regular expression: /(/u: …"); keep the reason.
    const message = e instanceof Error ? e.message : String(e);
    const reason = /: ([^:]+)$/.exec(message)?.[1] ?? message;
    throw err(
      pos,
      `Biểu thức chính quy '${source}' ở vị trí ${pos} không hợp lệ (${reason})`,
      `Invalid regular expression '${source}' at position ${pos}: ${reason}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Static kinds: catch rules that could never fire (e.g. `total_staff + 1` as a whole rule)

type Kind = 'number' | 'string' | 'boolean' | 'null' | 'any';

const KIND_NAME: Readonly<Record<Kind, BiText>> = {
  number: { vi: 'một số', en: 'a number' },
  string: { vi: 'một chuỗi', en: 'a text' },
  boolean: { vi: 'một giá trị đúng/sai', en: 'a true/false value' },
  null: { vi: 'null', en: 'null' },
  any: { vi: 'một giá trị', en: 'a value' },
};

function kindOf(node: Node): Kind {
  switch (node.kind) {
    case 'num':
    case 'neg':
    case 'arith':
      return 'number';
    case 'str':
      return 'string';
    case 'null':
      return 'null';
    case 'field':
    case 'prev':
      return 'any';
    case 'call':
      return node.fn === 'matches' ? 'boolean' : 'number';
    default:
      return 'boolean';
  }
}

/** Where an expression begins in the source (a binary node's own `pos` is its operator). */
function startOf(node: Node): number {
  switch (node.kind) {
    case 'arith':
    case 'cmp':
    case 'and':
    case 'or':
      return startOf(node.left);
    case 'in':
      return startOf(node.value);
    default:
      return node.pos;
  }
}

/** Fails when `node` is certainly not of kind `want`; values read from fields may be anything. */
function expectKind(node: Node, want: Kind, where: BiText): void {
  const k = kindOf(node);
  if (k === 'any' || k === want) return;
  const at = startOf(node);
  throw err(
    at,
    `${where.vi} cần ${KIND_NAME[want].vi}, nhưng biểu thức ở vị trí ${at} cho ra ${KIND_NAME[k].vi}`,
    `${where.en} needs ${KIND_NAME[want].en}, but the expression at position ${at} gives ${KIND_NAME[k].en}`,
  );
}

const opText = (op: string): BiText => ({ vi: `Phép '${op}'`, en: `'${op}'` });

/** Checks the kinds of every operand in the tree, outermost first. */
function checkKinds(node: Node): void {
  checkNodeKinds(node);
  for (const child of childrenOf(node)) checkKinds(child);
}

function childrenOf(node: Node): readonly Node[] {
  switch (node.kind) {
    case 'not':
    case 'neg':
      return [node.operand];
    case 'and':
    case 'or':
    case 'arith':
    case 'cmp':
      return [node.left, node.right];
    case 'in':
      return [node.value, ...node.list];
    case 'call':
      return node.args;
    default:
      return [];
  }
}

function checkNodeKinds(node: Node): void {
  switch (node.kind) {
    case 'not':
      expectKind(node.operand, 'boolean', opText('!'));
      break;
    case 'neg':
      expectKind(node.operand, 'number', opText('-'));
      break;
    case 'and':
    case 'or': {
      const where = opText(node.kind === 'and' ? '&&' : '||');
      expectKind(node.left, 'boolean', where);
      expectKind(node.right, 'boolean', where);
      break;
    }
    case 'arith':
      expectKind(node.left, 'number', opText(node.op));
      expectKind(node.right, 'number', opText(node.op));
      break;
    case 'cmp':
      checkComparisonKinds(node.op, node.left, node.right);
      break;
    case 'in':
      for (const item of node.list) checkComparisonKinds('in', node.value, item);
      break;
    case 'call':
      checkCallKinds(node.fn, node.args);
      break;
  }
}

function checkComparisonKinds(op: CmpOp | 'in', left: Node, right: Node): void {
  const a = kindOf(left);
  const b = kindOf(right);
  const equality = op === '==' || op === '!=';
  if (a === 'null' || b === 'null') {
    if (equality) return;
    const at = a === 'null' ? left : right;
    throw err(
      at.pos,
      `Không so sánh '${op}' với null (vị trí ${at.pos}); dùng '== null' hoặc '!= null' để kiểm tra giá trị bị thiếu`,
      `Cannot use '${op}' with null (position ${at.pos}); test a missing value with '== null' or '!= null'`,
    );
  }
  if (!equality && op !== 'in') {
    for (const side of [left, right]) {
      if (kindOf(side) === 'boolean') {
        const at = startOf(side);
        throw err(
          at,
          `Phép '${op}' không so sánh hơn kém giá trị đúng/sai (vị trí ${at}); dùng '==' hoặc '!='`,
          `'${op}' cannot order a true/false value (position ${at}); use '==' or '!='`,
        );
      }
    }
  }
  if (a !== 'any' && b !== 'any' && a !== b) {
    const at = startOf(right);
    throw err(
      at,
      `Phép '${op}' so sánh ${KIND_NAME[a].vi} với ${KIND_NAME[b].vi} (vị trí ${at}): hai kiểu không so sánh được`,
      `'${op}' compares ${KIND_NAME[a].en} with ${KIND_NAME[b].en} (position ${at}): the types do not compare`,
    );
  }
}

function checkCallKinds(fn: FunctionName, args: readonly Node[]): void {
  const where = { vi: `Hàm '${fn}'`, en: `'${fn}'` };
  if (fn === 'abs') expectKind(args[0]!, 'number', where);
  else expectKind(args[0]!, 'string', where);
}

// ---------------------------------------------------------------------------------------------
// Public parsing entry point

/**
 * Parses a rule of the check language. Throws `RuleSyntaxError` (with position and a message in
 * Vietnamese and English) for anything it does not understand; regexes are compiled here, once.
 */
export function parseRule(source: string): Rule {
  const parser = new Parser(tokenize(source));
  const ast = parser.parseRule();
  checkKinds(ast);
  expectKind(ast, 'boolean', { vi: 'Quy tắc', en: 'A rule' });
  const rule: Rule = { source, ast, fields: parser.fields, prevFields: parser.prevFields };
  compiledByAst.set(ast, compile(ast));
  return rule;
}

// ---------------------------------------------------------------------------------------------
// Evaluation: the AST is compiled to closures once; evaluating a rule only runs them.

/** A runtime value: exact number, boolean, string, or null for "missing or unknown". */
type Value = Q | boolean | string | null;
type Compiled = (scope: RuleScope) => Value;

const compiledByAst = new WeakMap<Node, Compiled>();

const isInt = (x: unknown): x is number | bigint =>
  typeof x === 'bigint' || (typeof x === 'number' && Number.isSafeInteger(x));

/** An exact value handed over by the scope (e.g. a derived sum); only own properties are read. */
function isQ(x: object): x is Q {
  if (!Object.hasOwn(x, 'n') || !Object.hasOwn(x, 'd')) return false;
  const { n, d } = x as { n: unknown; d: unknown };
  return isInt(n) && isInt(d) && (typeof d === 'bigint' ? d > 0n : d > 0);
}

/**
 * Reads a raw scope value as an exact number, or null when it is not a finite number. Exported
 * for callers that build scopes (derived sums) so they read numbers exactly the same way.
 */
export function readExact(raw: unknown): Q | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? fromNumber(raw) : null;
  if (typeof raw === 'bigint') return q(raw);
  if (typeof raw === 'object' && raw !== null && isQ(raw)) return raw;
  return null;
}

function readValue(raw: unknown): Value {
  if (typeof raw === 'boolean' || typeof raw === 'string') return raw;
  return readExact(raw);
}

const isNum = (v: Value): v is Q => typeof v === 'object' && v !== null;

/** Compares strings by Unicode code point (JS `<` compares UTF-16 units, which differs above U+FFFF). */
function compareStrings(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(j)!;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return a.length - i - (b.length - j);
}

/** Equality of two given values; different types are unknown rather than silently unequal. */
function equal(a: Value, b: Value): boolean | null {
  if (a === null || b === null) return null;
  if (isNum(a)) return isNum(b) ? cmp(a, b) === 0 : null;
  if (typeof a !== typeof b) return null;
  return a === b;
}

function order(a: Value, b: Value): number | null {
  if (isNum(a) && isNum(b)) return cmp(a, b);
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  return null;
}

const ORDER_TESTS: Readonly<Record<'<' | '<=' | '>' | '>=', (c: number) => boolean>> = {
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '>': (c) => c > 0,
  '>=': (c) => c >= 0,
};

function arith(op: ArithOp, a: Q, b: Q): Q | null {
  switch (op) {
    case '+':
      return add(a, b);
    case '-':
      return sub(a, b);
    case '*':
      return mul(a, b);
    case '/':
      return isZero(b) ? null : div(a, b);
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Year of a valid 'YYYY-MM-DD' date; null for anything else (including 2017-02-30). */
function yearOf(v: Value): Value {
  if (typeof v !== 'string') return null;
  const m = DATE.exec(v);
  if (!m) return null;
  const y = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days ? q(y) : null;
}

function compile(node: Node): Compiled {
  switch (node.kind) {
    case 'num': {
      const v = fromDecimalString(node.text);
      return () => v;
    }
    case 'str':
    case 'bool': {
      const v = node.value;
      return () => v;
    }
    case 'null':
      return () => null;
    case 'field': {
      const key = node.key;
      return (s) => readValue(s.value(key));
    }
    case 'prev': {
      const key = node.key;
      return (s) => readValue(s.prev(key));
    }
    case 'not': {
      const f = compile(node.operand);
      return (s) => {
        const v = f(s);
        return typeof v === 'boolean' ? !v : null;
      };
    }
    case 'neg': {
      const f = compile(node.operand);
      return (s) => {
        const v = f(s);
        return isNum(v) ? neg(v) : null;
      };
    }
    case 'arith':
      return compileArith(node.op, compile(node.left), compile(node.right));
    case 'cmp':
      return compileComparison(node.op, node.left, node.right);
    case 'in':
      return compileIn(compile(node.value), node.list.map(compile));
    case 'and':
      return compileAnd(compile(node.left), compile(node.right));
    case 'or':
      return compileOr(compile(node.left), compile(node.right));
    case 'call':
      return compileCall(node.fn, node.args);
  }
}

function compileArith(op: ArithOp, l: Compiled, r: Compiled): Compiled {
  return (s) => {
    const a = l(s);
    const b = r(s);
    return isNum(a) && isNum(b) ? arith(op, a, b) : null;
  };
}

function compileComparison(op: CmpOp, left: Node, right: Node): Compiled {
  // `x == null` / `x != null` are the explicit tests for a missing value, so they are defined.
  if (left.kind === 'null' || right.kind === 'null') {
    const f = compile(left.kind === 'null' ? right : left);
    const wantNull = op === '==';
    return (s) => (f(s) === null) === wantNull;
  }
  const l = compile(left);
  const r = compile(right);
  if (op === '==' || op === '!=') {
    const negate = op === '!=';
    return (s) => {
      const e = equal(l(s), r(s));
      return e === null ? null : e !== negate;
    };
  }
  const test = ORDER_TESTS[op];
  return (s) => {
    const c = order(l(s), r(s));
    return c === null ? null : test(c);
  };
}

/** True if some item equals the value; else unknown if some item could not be compared; else false. */
function compileIn(value: Compiled, items: Compiled[]): Compiled {
  return (s) => {
    const v = value(s);
    if (v === null) return null;
    let unknown = false;
    for (const item of items) {
      const e = equal(v, item(s));
      if (e === true) return true;
      if (e === null) unknown = true;
    }
    return unknown ? null : false;
  };
}

/** Kleene "and": false wins over unknown, so the right side is skipped once the left is false. */
function compileAnd(l: Compiled, r: Compiled): Compiled {
  return (s) => {
    const a = l(s);
    if (a === false) return false;
    const b = r(s);
    if (b === false) return false;
    return a === true && b === true ? true : null;
  };
}

/** Kleene "or": true wins over unknown. */
function compileOr(l: Compiled, r: Compiled): Compiled {
  return (s) => {
    const a = l(s);
    if (a === true) return true;
    const b = r(s);
    if (b === true) return true;
    return a === false && b === false ? false : null;
  };
}

function compileCall(fn: FunctionName, args: readonly Node[]): Compiled {
  const a = compile(args[0]!);
  switch (fn) {
    case 'year':
      return (s) => yearOf(a(s));
    case 'abs':
      return (s) => {
        const v = a(s);
        return isNum(v) ? abs(v) : null;
      };
    case 'matches': {
      const pattern = args[1]!;
      const re = compileRegex(pattern.kind === 'str' ? pattern.value : '', pattern.pos);
      return (s) => {
        const v = a(s);
        return typeof v === 'string' ? re.test(v) : null;
      };
    }
  }
}

/**
 * Evaluates a rule: true, false, or null when it cannot be decided (a value is missing, a divisor
 * is zero, or types do not fit). Only an exact `false` means the check failed.
 */
export function evaluateRule(rule: Rule, scope: RuleScope): boolean | null {
  let f = compiledByAst.get(rule.ast);
  if (!f) {
    // A rule rebuilt from stored JSON: compile it once and keep it with its AST.
    f = compile(rule.ast);
    compiledByAst.set(rule.ast, f);
  }
  const v = f(scope);
  return typeof v === 'boolean' ? v : null;
}

/**
 * A scope over plain value records. Only own keys are read, so a rule naming `constructor` or
 * `__proto__` sees "not given", never the object's prototype.
 */
export function scopeOf(
  values: Readonly<Record<string, unknown>>,
  previous?: Readonly<Record<string, unknown>>,
): RuleScope {
  return {
    value: (key) => (Object.hasOwn(values, key) ? values[key] : undefined),
    prev: (key) => (previous !== undefined && Object.hasOwn(previous, key) ? previous[key] : undefined),
  };
}
