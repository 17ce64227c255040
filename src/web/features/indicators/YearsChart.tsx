/** An indicator over the years as lines (the province and each group), drawn in plain SVG. */
import { numberVn } from '../../format.ts';
import { chartLines, type Series } from './chart.ts';

const W = 640;
const H = 220;
const COLOURS = ['#1d4ed8', '#b45309', '#047857', '#7c3aed'];

export function YearsChart(props: { years: readonly number[]; series: readonly Series[]; label: string }) {
  const { lines, top, bottom } = chartLines(props.series, props.years.length, W, H, 28);
  return (
    <figure className="ind-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={props.label} data-testid="indicator-chart">
        <line x1={28} y1={H - 28} x2={W - 28} y2={H - 28} stroke="#6b7280" />
        <text x={2} y={32} fontSize={12} fill="#374151">
          {numberVn(top, 2)}
        </text>
        <text x={2} y={H - 30} fontSize={12} fill="#374151">
          {numberVn(bottom, 2)}
        </text>
        {props.years.map((y, i) => (
          <text
            key={y}
            x={lines[0]?.points[i]?.x ?? 0}
            y={H - 8}
            fontSize={12}
            textAnchor="middle"
            fill="#374151"
          >
            {y}
          </text>
        ))}
        {lines.map((l, k) => {
          const d = l.points
            .filter((p) => p.y !== null)
            .map((p, i) => `${i ? 'L' : 'M'}${p.x} ${p.y}`)
            .join(' ');
          const colour = COLOURS[k % COLOURS.length];
          return (
            <g key={l.label}>
              <path d={d} fill="none" stroke={colour} strokeWidth={k === 0 ? 3 : 2} />
              {l.points.map((p) =>
                p.y === null ? null : (
                  <circle key={p.x} cx={p.x} cy={p.y} r={4} fill={colour}>
                    <title>{`${l.label}: ${numberVn(p.value ?? 0, 2)}`}</title>
                  </circle>
                ),
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="ind-legend">
        {lines.map((l, k) => (
          <span key={l.label}>
            <span
              className="ind-swatch"
              style={{ background: COLOURS[k % COLOURS.length] }}
              aria-hidden="true"
            />
            {l.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
