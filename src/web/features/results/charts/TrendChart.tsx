/**
 * One agency's total year after year (its published results): a column per year with the total
 * written on it, the class thresholds as dashed lines; a year it was not ranked says why.
 */
import { scoreVn } from '../../../format.ts';
import { classThresholds } from '../classBands.ts';
import type { YearPoint } from '../history.ts';
import { m } from '../messages.ts';
import type { ClassBand } from '../resultsApi.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { ColumnText } from './ColumnText.tsx';
import { linear } from './scale.ts';
import { useWidth } from './useWidth.ts';

const HEIGHT = 200;

/** A year, with the predecessor it belongs to when it is not the agency's own. */
const yearOf = (p: YearPoint) => (p.via === undefined ? String(p.year) : `${p.year} — ${p.via}`);
const TOP = 22;
const BOTTOM = 40;
const LEFT = 30;

export function TrendChart(props: {
  agencyName: string;
  points: readonly YearPoint[];
  classes: readonly ClassBand[];
  max: number;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const points = [...props.points].sort((a, b) => a.year - b.year);
  const plotH = HEIGHT - TOP - BOTTOM;
  const plotW = width - LEFT;
  const y = linear(props.max, plotH);
  const slot = plotW / Math.max(1, points.length);
  const bar = Math.min(64, slot * 0.55);
  const base = HEIGHT - BOTTOM;
  const title = m('chart.trend.title', { agency: props.agencyName });
  const summary = m('chart.trend.summary', {
    agency: props.agencyName,
    list: points
      .map((p) => `${yearOf(p)}: ${p.total === null ? p.label : `${scoreVn(p.total)} (${p.label})`}`)
      .join('; '),
  });
  return (
    <ChartFigure
      title={title}
      summary={summary}
      canvasRef={ref}
      width={width}
      height={HEIGHT}
      columns={[m('table.year'), m('table.total'), m('table.class'), m('table.rank')]}
      rows={points.map((p) => (
        <tr key={`${p.year} ${p.via ?? ''}`}>
          <th scope="row">{yearOf(p)}</th>
          <td className="num">{p.total === null ? '—' : scoreVn(p.total)}</td>
          <td>{p.label}</td>
          <td>{p.rank === null ? '—' : m('rank.of', { rank: p.rank, of: p.of })}</td>
        </tr>
      ))}
    >
      {classThresholds(props.classes, props.max).map((c) => (
        <g key={c.id}>
          <line
            x1={LEFT}
            x2={width}
            y1={base - y(c.min)}
            y2={base - y(c.min)}
            className="results-svg-threshold"
          />
          <text x={LEFT - 4} y={base - y(c.min) + 4} textAnchor="end" className="results-svg-small">
            {c.min}
          </text>
        </g>
      ))}
      <line x1={LEFT} x2={width} y1={base} y2={base} className="results-svg-axis" />
      {points.map((p, i) => {
        const cx = LEFT + slot * i + slot / 2;
        const h = p.total === null ? 0 : y(p.total);
        return (
          <g key={`${p.year} ${p.via ?? ''}`}>
            {p.total !== null && (
              <rect
                x={cx - bar / 2}
                y={base - h}
                width={bar}
                height={Math.max(1, h)}
                className="results-svg-fill"
                rx={2}
              />
            )}
            <ColumnText
              x={cx}
              top={base - h}
              base={base}
              value={p.total === null ? m('chart.trend.notRanked') : scoreVn(p.total)}
              label={p.year}
              note={p.label}
            />
          </g>
        );
      })}
    </ChartFigure>
  );
}
