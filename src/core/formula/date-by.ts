/** `date_by`: the points when a date is on or before a day (MM-DD) of the cycle's year; else nothing. */
import * as X from '../exact.ts';
import { formatDate } from '../format.ts';
import { en, vi } from './context.ts';
import { NO_FLAWS, NO_PARTS, type Operator } from './operator.ts';

/** As the criteria file writes it (a type, not an interface: a plain record of JSON). */
export type DateByDef = {
  readonly op: 'date_by';
  readonly field: string;
  /** Month and day in the cycle's year, inclusive: "03-31". */
  readonly by: string;
  readonly points: number;
};

export interface DateByNode {
  readonly op: 'date_by';
  readonly field: string;
  readonly mmdd: string;
  readonly points: X.Q;
}

const { ZERO } = X;

/** Dates are YYYY-MM-DD, so "on or before" is the order of the strings. */
const inTime = (raw: unknown, by: string): boolean => typeof raw === 'string' && raw <= by;

export const dateBy: Operator<DateByDef, DateByNode> = {
  op: 'date_by',
  example: { op: 'date_by', field: 'it_plan_issued_on', by: '03-31', points: 1 },
  schema: ({ z, Key, Points }) =>
    z.strictObject({
      op: z.literal('date_by'),
      field: Key,
      by: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'dạng MM-DD'),
      points: Points,
    }),
  parts: () => NO_PARTS,
  reads: (f) => [{ key: f.field, needs: 'date', at: 'field' }],
  max: (f) => X.fromNumber(f.points),
  flaws: () => NO_FLAWS,
  compile: (f) => ({ op: 'date_by', field: f.field, mmdd: f.by, points: X.fromNumber(f.points) }),
  evaluate: (node, ctx) => (inTime(ctx.get(node.field), `${ctx.year}-${node.mmdd}`) ? node.points : ZERO),
  explain(node, ctx, value) {
    const raw = ctx.get(node.field);
    if (typeof raw !== 'string')
      return {
        vi: `${ctx.label(node.field, 'vi')} chưa nhập → 0`,
        en: `${ctx.label(node.field, 'en')} not given → 0`,
      };
    const by = `${ctx.year}-${node.mmdd}`;
    const op = inTime(raw, by) ? '≤' : '>';
    return {
      vi: `${ctx.label(node.field, 'vi')} ${formatDate(raw)} ${op} ${formatDate(by)} → ${vi(value)}`,
      en: `${ctx.label(node.field, 'en')} ${formatDate(raw)} ${op} ${formatDate(by)} → ${en(value)}`,
    };
  },
  bareInSum: false,
  fast(node, kit) {
    const slot = kit.slot(node.field);
    const { mmdd, points } = node;
    // The day is made once per year, not once per agency.
    let year = Number.NaN;
    let by = '';
    return (slots, y) => {
      if (y !== year) {
        year = y;
        by = `${y}-${mmdd}`;
      }
      return inTime(slots[slot], by) ? points : ZERO;
    };
  },
  words(f, w) {
    const [mm, dd] = f.by.split('-');
    return w.say(
      {
        vi: '{points} nếu {field} trước hoặc đúng ngày {by} của năm đánh giá',
        en: '{points} if {field} is on or before {by}',
      },
      { points: w.points(f.points), field: w.field(f.field), by: `${dd}/${mm}` },
    );
  },
};
