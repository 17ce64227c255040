/**
 * An agency's five categories against their maxima: each bar is the category's full scale, the
 * filled part the points obtained, and a dark tick the group's average, so that a leader sees
 * which category is weakest relative to what it could give and to the others.
 */
import { scoreVn } from '../../../format.ts';
import { m } from '../messages.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { linear } from './scale.ts';
import { useWidth } from './useWidth.ts';

export interface CategoryBar {
  id: string;
  name: string;
  points: number;
  max: number;
  average?: number | null;
}

const ROW = 46;

export function CategoryChart(props: {
  title: string;
  agencyName: string;
  categories: readonly CategoryBar[];
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const valueWidth = 92;
  const plot = Math.max(80, width - valueWidth - 4);
  const height = props.categories.length * ROW + 6;
  const maxChars = Math.floor(width / 6.8);
  const short = (s: string) => (s.length > maxChars ? `${s.slice(0, maxChars - 1)}…` : s);
  const hasAverage = props.categories.some((c) => c.average !== null && c.average !== undefined);
  const summary = m('chart.categories.summary', {
    agency: props.agencyName,
    list: props.categories
      .map((c) =>
        c.average !== null && c.average !== undefined
          ? m('chart.categories.itemAvg', {
              name: c.name,
              points: scoreVn(c.points),
              max: scoreVn(c.max),
              avg: scoreVn(c.average),
            })
          : m('chart.categories.item', { name: c.name, points: scoreVn(c.points), max: scoreVn(c.max) }),
      )
      .join('; '),
  });
  return (
    <ChartFigure
      title={props.title}
      summary={summary}
      canvasRef={ref}
      width={width}
      height={height}
      columns={[
        m('table.category'),
        m('table.points'),
        m('table.max'),
        ...(hasAverage ? [m('table.groupAverage')] : []),
      ]}
      rows={props.categories.map((c) => (
        <tr key={c.id}>
          <th scope="row">{c.name}</th>
          <td className="num">{scoreVn(c.points)}</td>
          <td className="num">{scoreVn(c.max)}</td>
          {hasAverage && <td className="num">{c.average == null ? '—' : scoreVn(c.average)}</td>}
        </tr>
      ))}
      legend={
        <>
          <li>
            <span className="results-legend-swatch results-legend-fill" />
            {m('chart.categories.legendPoints')}
          </li>
          <li>
            <span className="results-legend-swatch results-legend-track" />
            {m('chart.categories.legendMax')}
          </li>
          {hasAverage && (
            <li>
              <span className="results-legend-tick" />
              {m('chart.categories.legendAverage')}
            </li>
          )}
        </>
      }
    >
      {props.categories.map((c, i) => {
        const y = i * ROW;
        const x = linear(c.max, plot);
        return (
          <g key={c.id}>
            <text x={0} y={y + 14} className="results-svg-label">
              {short(c.name)}
            </text>
            <rect x={0} y={y + 20} width={plot} height={16} className="results-svg-track" rx={2} />
            <rect
              x={0}
              y={y + 20}
              width={Math.max(1, x(c.points))}
              height={16}
              className="results-svg-fill"
              rx={2}
            />
            {c.average !== null && c.average !== undefined && (
              <line
                x1={x(c.average)}
                x2={x(c.average)}
                y1={y + 16}
                y2={y + 40}
                className="results-svg-average"
              />
            )}
            <text x={plot + 6} y={y + 33} className="results-svg-value">
              {`${scoreVn(c.points)} / ${scoreVn(c.max)}`}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}
