/** The linear scale the hand-written SVG charts share. */

/** Maps [0, max] onto [0, length]; values outside are clamped so a bar never overflows its frame. */
export const linear = (max: number, length: number) => (v: number) =>
  max <= 0 ? 0 : (Math.min(Math.max(v, 0), max) / max) * length;
