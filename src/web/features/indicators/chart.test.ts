import { describe, expect, it } from 'vitest';
import { chartLines } from './chart.ts';

describe('the years chart', () => {
  it('puts the highest value at the top, zero at the bottom, the years evenly across', () => {
    const { lines, top } = chartLines([{ label: 'Tỉnh', values: [50, 100, null] }], 3, 216, 116);
    expect(top).toBe(100);
    expect(lines[0]!.points.map((p) => p.x)).toEqual([8, 108, 208]);
    expect(lines[0]!.points.map((p) => p.y)).toEqual([58, 8, null]);
  });
});
