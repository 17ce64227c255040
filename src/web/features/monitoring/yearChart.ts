/**
 * The points of an agency's yearly chart (plain SVG, no chart library): per day the share of
 * availability checks that succeeded and the mean time to first byte, placed on a year's width.
 */
import type { DayAvailability } from './monitoringApi.ts';

export interface ChartPoint {
  x: number;
  /** Availability, 0–100 %, as a y of the upper band. */
  upY: number;
  /** Time to first byte as a y of the lower band, or null on a day without a success. */
  ttfbY: number | null;
}

const DAY_MS = 86_400_000;

/** Day of the year, 0-based, of a YYYY-MM-DD date. */
export const dayOfYear = (day: string): number =>
  Math.round(
    (Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) - Date.UTC(+day.slice(0, 4), 0, 1)) /
      DAY_MS,
  );

/**
 * The points on a width × height box: the upper half for availability (100 % at the top), the
 * lower half for the time to first byte (0 at its bottom, the year's slowest day at its top).
 */
export function chartPoints(days: readonly DayAvailability[], width: number, height: number) {
  const half = height / 2;
  const maxTtfb = Math.max(1, ...days.map((d) => d.meanTtfbMs ?? 0));
  const points: ChartPoint[] = days.map((d) => ({
    x: Math.round((dayOfYear(d.day) / 365) * width * 10) / 10,
    upY: Math.round((half - (d.checks ? d.up / d.checks : 0) * (half - 4)) * 10) / 10,
    ttfbY:
      d.meanTtfbMs === null ? null : Math.round((height - (d.meanTtfbMs / maxTtfb) * (half - 4)) * 10) / 10,
  }));
  return { points, maxTtfb };
}

/** An SVG path through the points that have a y (a gap where a day has none). */
export function pathOf(points: readonly { x: number; y: number | null }[]): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.y === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${p.x} ${p.y} `;
    pen = true;
  }
  return d.trim();
}
