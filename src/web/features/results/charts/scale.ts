/** Small helpers the hand-written SVG charts share: a linear scale and tick values. */

/** Maps [0, max] onto [0, length]; values outside are clamped so a bar never overflows its frame. */
export const linear = (max: number, length: number) => (v: number) =>
  max <= 0 ? 0 : (Math.min(Math.max(v, 0), max) / max) * length;

/** Evenly spaced ticks from 0 to max (inclusive), `count` intervals. */
export const ticks = (max: number, count: number): number[] =>
  Array.from({ length: count + 1 }, (_, i) => Math.round(((max * i) / count) * 100) / 100);
