/**
 * Totals of one group as sorted horizontal bars, the class thresholds (50, 65, 85) drawn as
 * dashed lines so a reader sees at once who is in which class and how far from the next one.
 */
import { scoreVn } from '../../../format.ts';
import { classColour, classThresholds, sortedClasses } from '../classBands.ts';
import { byTotal, classCounts } from '../figures.ts';
import { m } from '../messages.ts';
import { type ClassBand, type RankingRow, tx } from '../resultsApi.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { linear } from './scale.ts';
import { useWidth } from './useWidth.ts';

const ROW = 24;
const TOP = 22;
const BOTTOM = 22;

export function TotalsChart(props: {
  groupName: string;
  rows: readonly RankingRow[];
  classes: readonly ClassBand[];
  max: number;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const rows = byTotal(props.rows);
  const labelWidth = Math.min(210, Math.round(width * 0.4));
  const valueWidth = 50;
  const plot = Math.max(60, width - labelWidth - valueWidth - 8);
  const x = linear(props.max, plot);
  const height = TOP + rows.length * ROW + BOTTOM;
  const maxChars = Math.floor(labelWidth / 6.6);
  const short = (s: string) => (s.length > maxChars ? `${s.slice(0, maxChars - 1)}…` : s);
  const first = rows[0];
  const last = rows[rows.length - 1];
  const summary =
    first && last
      ? m('chart.totals.summary', {
          group: props.groupName,
          n: rows.length,
          top: first.name,
          topScore: scoreVn(first.total),
          bottom: last.name,
          bottomScore: scoreVn(last.total),
          classes: classCounts(rows, props.classes),
        })
      : m('chart.totals.empty', { group: props.groupName });
  const thresholds = classThresholds(props.classes, props.max);

  return (
    <ChartFigure
      title={m('chart.totals.title', { group: props.groupName })}
      summary={summary}
      canvasRef={ref}
      width={width}
      height={height}
      columns={[m('table.agency'), m('table.total'), m('table.class')]}
      rows={rows.map((r) => (
        <tr key={r.agencyId}>
          <th scope="row">{r.name}</th>
          <td className="num">{scoreVn(r.total)}</td>
          <td>{tx(r.classLabel)}</td>
        </tr>
      ))}
      legend={
        <>
          {sortedClasses(props.classes).map((c) => (
            <li key={c.id}>
              <span
                className="results-legend-swatch"
                style={{ background: classColour(props.classes, c.id).fg }}
              />
              {tx(c.label)}
              {c.min > 0 ? ` (≥ ${c.min})` : ''}
            </li>
          ))}
          <li>
            <span className="results-legend-dash" />
            {m('chart.totals.thresholds')}
          </li>
        </>
      }
    >
      <g transform={`translate(${labelWidth},0)`}>
        {thresholds.map((c) => (
          <g key={c.id}>
            <line
              x1={x(c.min)}
              x2={x(c.min)}
              y1={TOP - 4}
              y2={height - BOTTOM + 4}
              className="results-svg-threshold"
            />
            <text x={x(c.min)} y={TOP - 8} textAnchor="middle" className="results-svg-small">
              {c.min}
            </text>
          </g>
        ))}
        <line x1={0} x2={0} y1={TOP - 4} y2={height - BOTTOM + 4} className="results-svg-axis" />
        <text x={0} y={height - 6} className="results-svg-small">
          0
        </text>
        <text x={plot} y={height - 6} textAnchor="end" className="results-svg-small">
          {props.max}
        </text>
      </g>
      {rows.map((r, i) => {
        const y = TOP + i * ROW;
        const colour = classColour(props.classes, r.class);
        return (
          <g key={r.agencyId}>
            <text x={labelWidth - 6} y={y + ROW / 2 + 4} textAnchor="end" className="results-svg-label">
              {short(r.name)}
            </text>
            <rect
              x={labelWidth}
              y={y + 4}
              width={Math.max(1, x(r.total))}
              height={ROW - 8}
              fill={colour.fg}
              rx={2}
            />
            <text x={labelWidth + x(r.total) + 4} y={y + ROW / 2 + 4} className="results-svg-value">
              {scoreVn(r.total)}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}
