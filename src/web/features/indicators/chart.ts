/**
 * The points of an indicator's chart over the years (plain SVG, like the monitoring chart): one
 * line per series (the province, each group), years evenly spaced, the axis from 0 (or the
 * lowest value, when negative) to the highest value.
 */
export interface Series {
  readonly label: string;
  readonly values: readonly (number | null)[];
}

export function chartLines(series: readonly Series[], years: number, width: number, height: number, pad = 8) {
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = Math.max(1, ...all);
  const bottom = Math.min(0, ...all);
  const x = (i: number) => (years <= 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (years - 1));
  const y = (v: number) => height - pad - ((v - bottom) / (top - bottom)) * (height - 2 * pad);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    top,
    bottom,
    lines: series.map((s) => ({
      label: s.label,
      points: s.values.map((v, i) => ({ x: round(x(i)), y: v === null ? null : round(y(v)), value: v })),
    })),
  };
}
