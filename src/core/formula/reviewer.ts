/** `reviewer`: the department's own mark, a number clamped to 0…points (nothing until it marks). */
import * as X from '../exact.ts';
import { en, readNumber, vi } from './context.ts';
import { INEXACT, NO_FLAWS, NO_PARTS, type Operator, SLOW } from './operator.ts';

/** As the criteria file writes it (a type, not an interface: a plain record of JSON). */
export type ReviewerDef = {
  readonly op: 'reviewer';
  readonly field: string;
  readonly points: number;
};

export interface ReviewerNode {
  readonly op: 'reviewer';
  readonly field: string;
  readonly points: X.Q;
}

const pointsFor = (node: ReviewerNode, x: X.Q | null): X.Q =>
  x === null ? X.ZERO : X.clamp(x, X.ZERO, node.points);

export const reviewer: Operator<ReviewerDef, ReviewerNode> = {
  op: 'reviewer',
  example: { op: 'reviewer', field: 'data_quality_mark', points: 2 },
  schema: ({ z, Key, Points }) => z.strictObject({ op: z.literal('reviewer'), field: Key, points: Points }),
  parts: () => NO_PARTS,
  reads: (f) => [{ key: f.field, needs: 'number', at: 'field' }],
  max: (f) => X.fromNumber(f.points),
  flaws: () => NO_FLAWS,
  compile: (f) => ({ op: 'reviewer', field: f.field, points: X.fromNumber(f.points) }),
  evaluate: (node, ctx) => pointsFor(node, readNumber(ctx, node.field)),
  explain(node, ctx) {
    const x = readNumber(ctx, node.field);
    if (x === null) return { vi: 'Sở TT&TT chưa chấm → 0', en: 'not yet marked by the department → 0' };
    return {
      vi: `Sở TT&TT chấm ${vi(x)} (thang 0–${vi(node.points)})`,
      en: `marked ${en(x)} by the department (scale 0–${en(node.points)})`,
    };
  },
  bareInSum: false,
  // Every agency has one, often in quarter points: compared as numbers (operator.ts,
  // ComparableRead), and only a mark strictly between 0 and the maximum is made a fraction,
  // the one `clamp` would return.
  fast(node, kit) {
    const read = kit.comparable(node.field);
    const points = node.points;
    const most = X.exactNumber(points);
    if (most === null) return () => SLOW;
    return (slots) => {
      const x = read(slots);
      if (x === INEXACT) return SLOW;
      if (Number.isNaN(x) || x < 0) return X.ZERO; // not marked (MISSING), or below the scale
      return x > most ? points : X.fromNumber(x);
    };
  },
  words: (f, w) =>
    w.say(
      {
        vi: 'cán bộ thẩm định chấm theo {field}, tối đa {points}',
        en: 'scored by the assessor on {field}, at most {points}',
      },
      { points: w.points(f.points), field: w.field(f.field) },
    ),
};
