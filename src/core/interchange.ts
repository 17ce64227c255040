/**
 * The JSON output of `chiso score`, exactly as interchange.md shows it: plain numbers with at
 * most two decimals, groups in the set's order, criteria keyed by id.
 */
import type { CycleResult, RankedRow } from './ranking/rank.ts';

export interface InterchangeRow {
  code: string;
  rank: number;
  total: number;
  class: string;
  categories: number[];
  criteria: Record<string, number>;
}

export interface InterchangeResult {
  year: number;
  groups: {
    group: string;
    ranking: InterchangeRow[];
    notRanked: { code: string; reason: 'late' | 'missing' }[];
  }[];
}

/** Whole hundredths as a JSON number: 8566 → 85.66 (the nearest double prints as written). */
export const points = (hundredths: number): number => hundredths / 100;

export function toInterchange(result: CycleResult): InterchangeResult {
  return {
    year: result.year,
    groups: result.groups.map((g) => ({
      group: g.group.id,
      ranking: g.ranking.map((r) => ({
        code: r.code,
        rank: r.rank,
        total: points(r.score.total),
        class: r.score.classId,
        categories: r.score.categories.map((c) => points(c.points)),
        criteria: Object.fromEntries(r.score.criteria.map((k) => [k.id, points(k.points)])),
      })),
      notRanked: g.notRanked.map((n) => ({ code: n.code, reason: n.reason })),
    })),
  };
}

/**
 * `chiso score`'s JSON as text: exactly `JSON.stringify(toInterchange(result), null, 2)` and a
 * newline (interchange.test.ts compares them), handed to `write` in pieces of about CHUNK
 * characters as it is made, so that the whole text is never held at once.
 *
 * It is written straight from the result: building the 10,000 intermediate objects of
 * `toInterchange` (one with a key per criterion for each agency) and then serialising them cost
 * as much as reading the file. Each agency's lines are joined from pieces made once per
 * criterion and per score. Neither one list of every piece of the file nor one array of every
 * agency's text is joined at the end: joining a list into one large string was the slowest part
 * (measured: 170 ms for the 6,000 texts of one group, against 90 ms for all the rest).
 */
export function writeInterchangeJson(result: CycleResult, write: (text: string) => void): void {
  let chunk = `{\n  "year": ${result.year},\n  "groups": [`;
  const put = (text: string) => {
    chunk += text;
    if (chunk.length >= CHUNK) {
      write(chunk);
      chunk = '';
    }
  };
  for (const [gi, g] of result.groups.entries()) {
    put(`${gi === 0 ? '' : ','}\n    {\n      "group": ${JSON.stringify(g.group.id)},\n      "ranking": `);
    const layout = criteriaLayout(g.group.criteria.map((k) => k.id));
    for (const [ri, r] of g.ranking.entries()) put((ri === 0 ? '[' : ',') + rankedRow(r, layout));
    put(g.ranking.length === 0 ? '[]' : '\n      ]');
    put(',\n      "notRanked": ');
    for (const [ni, n] of g.notRanked.entries())
      put(
        `${ni === 0 ? '[' : ','}\n        {\n          "code": ${JSON.stringify(n.code)},\n          "reason": ${JSON.stringify(n.reason)}\n        }`,
      );
    put(g.notRanked.length === 0 ? '[]' : '\n      ]');
    put('\n    }');
  }
  put(result.groups.length === 0 ? ']' : '\n  ]');
  write(`${chunk}\n}\n`);
}

/** About how many characters `writeInterchangeJson` hands over at once. */
const CHUNK = 1 << 16;

/** The whole of `writeInterchangeJson`'s text as one string. */
export function interchangeJson(result: CycleResult): string {
  const chunks: string[] = [];
  writeInterchangeJson(result, (text) => chunks.push(text));
  return chunks.join('');
}

/** One agency of a ranking, from its opening line to its closing brace. */
function rankedRow(r: RankedRow, layout: readonly { index: number; lead: string }[]): string {
  const s = r.score;
  const parts = [
    `\n        {\n          "code": ${JSON.stringify(r.code)},\n          "rank": ${r.rank},\n          "total": ${number(s.total)},\n          "class": ${JSON.stringify(s.classId)},\n          "categories": `,
  ];
  if (s.categories.length === 0) parts.push('[]');
  else {
    for (let i = 0; i < s.categories.length; i++)
      parts.push(i === 0 ? '[\n            ' : ',\n            ', number(s.categories[i]!.points));
    parts.push('\n          ]');
  }
  parts.push(',\n          "criteria": ');
  if (layout.length === 0) parts.push('{}');
  else {
    for (let i = 0; i < layout.length; i++) {
      const { index, lead } = layout[i]!;
      parts.push(lead, number(s.criteria[index]!.points));
    }
    parts.push('\n          }');
  }
  parts.push('\n        }');
  return parts.join('');
}

/** Whole hundredths as JSON writes `points(h)`; the few hundred values a score takes are made once. */
const NUMBERS: string[] = [];
function number(hundredths: number): string {
  if (hundredths >= 0 && hundredths <= 10_000 && Number.isInteger(hundredths)) {
    let text = NUMBERS[hundredths];
    if (text === undefined) {
      text = JSON.stringify(points(hundredths));
      NUMBERS[hundredths] = text;
    }
    return text;
  }
  return JSON.stringify(points(hundredths));
}

/**
 * The order in which a criteria object prints its keys, each with the text before its value:
 * JavaScript puts keys that read as array indices ("10", "3") first, in numeric order, and a
 * repeated key keeps its first place with its last value. Found by asking an object built as
 * toInterchange builds it.
 */
function criteriaLayout(ids: readonly string[]): { index: number; lead: string }[] {
  const order = Object.fromEntries(ids.map((id, index) => [id, index]));
  return Object.keys(order).map((id, i) => ({
    index: order[id]!,
    lead: `${i === 0 ? '{' : ','}\n            ${JSON.stringify(id)}: `,
  }));
}
