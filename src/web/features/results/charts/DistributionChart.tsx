/** How many agencies of a group fall in each class: one column per class, the count written on it. */
import { classColour, sortedClasses } from '../classBands.ts';
import { classDistribution } from '../figures.ts';
import { m } from '../messages.ts';
import { type ClassBand, type RankingRow, tx } from '../resultsApi.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { ColumnText } from './ColumnText.tsx';
import { linear } from './scale.ts';
import { useWidth } from './useWidth.ts';

const HEIGHT = 170;
const TOP = 20;
const BOTTOM = 40;

export function DistributionChart(props: {
  groupName: string;
  rows: readonly RankingRow[];
  classes: readonly ClassBand[];
  notRanked: number;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const bands = classDistribution(props.rows, props.classes).map(({ band, n }) => ({ c: band, n }));
  const most = Math.max(1, ...bands.map((b) => b.n));
  const plotH = HEIGHT - TOP - BOTTOM;
  const y = linear(most, plotH);
  const slot = width / bands.length;
  const bar = Math.min(70, slot * 0.6);
  const summary = m('chart.distribution.summary', {
    group: props.groupName,
    list: bands.map((b) => `${tx(b.c.label)}: ${b.n}`).join(', '),
    notRanked: props.notRanked,
  });
  const title = m('chart.distribution.title', { group: props.groupName });
  return (
    <ChartFigure
      title={title}
      summary={summary}
      canvasRef={ref}
      width={width}
      height={HEIGHT}
      columns={[m('table.class'), m('table.agencyCount')]}
      rows={
        <>
          {bands.map((b) => (
            <tr key={b.c.id}>
              <th scope="row">{tx(b.c.label)}</th>
              <td className="num">{b.n}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{m('notRanked.short')}</th>
            <td className="num">{props.notRanked}</td>
          </tr>
        </>
      }
    >
      <line x1={0} x2={width} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} className="results-svg-axis" />
      {bands.map((b, i) => {
        const cx = slot * i + slot / 2;
        const h = y(b.n);
        return (
          <g key={b.c.id}>
            <rect
              x={cx - bar / 2}
              y={HEIGHT - BOTTOM - h}
              width={bar}
              height={Math.max(h, 1)}
              fill={classColour(props.classes, b.c.id).fg}
              rx={2}
            />
            <ColumnText
              x={cx}
              top={HEIGHT - BOTTOM - h}
              base={HEIGHT - BOTTOM}
              value={b.n}
              label={tx(b.c.label)}
              note={b.c.min > 0 ? `≥ ${b.c.min}` : `< ${sortedClasses(props.classes).at(-2)?.min ?? ''}`}
            />
          </g>
        );
      })}
    </ChartFigure>
  );
}
