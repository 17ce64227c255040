import { describe, expect, it } from 'vitest';
import { chartPoints, dayOfYear, pathOf } from './yearChart.ts';

describe('the yearly chart of a site', () => {
  it('places each day on the year', () => {
    expect(dayOfYear('2017-01-01')).toBe(0);
    expect(dayOfYear('2017-03-01')).toBe(59);
    expect(dayOfYear('2017-12-31')).toBe(364);
  });

  it('puts full availability at the top and the slowest day at the top of the lower band', () => {
    const { points, maxTtfb } = chartPoints(
      [
        { day: '2017-01-01', checks: 48, up: 48, meanTtfbMs: 200 },
        { day: '2017-07-02', checks: 48, up: 24, meanTtfbMs: 800 },
        { day: '2017-07-03', checks: 48, up: 0, meanTtfbMs: null },
      ],
      730,
      200,
    );
    expect(maxTtfb).toBe(800);
    expect(points[0]).toEqual({ x: 0, upY: 4, ttfbY: 176 });
    expect(points[1]).toMatchObject({ upY: 52, ttfbY: 104 });
    expect(points[2]).toMatchObject({ upY: 100, ttfbY: null });
  });

  it('draws a path with a gap where a day has no value', () => {
    expect(
      pathOf([
        { x: 0, y: 1 },
        { x: 2, y: 3 },
        { x: 4, y: null },
        { x: 6, y: 5 },
      ]),
    ).toBe('M0 1 L2 3 M6 5');
  });
});
