/**
 * The frame every results chart shares: a visible title, the drawing (an SVG with role="img" whose
 * accessible name is a sentence that says what it shows), an optional legend, and the same numbers
 * as a table behind a keyboard-operable disclosure, for screen readers and for whoever wants the
 * exact figures. Each chart supplies only what is its own: the SVG's contents, the legend items,
 * the table's column headings and rows.
 */
import type { ReactNode, RefObject } from 'react';
import { m } from '../messages.ts';

export function ChartFigure(props: {
  title: string;
  /** The chart's text alternative: what a sighted reader takes from it, with the numbers. */
  summary: string;
  /** The container whose width the chart follows (from useWidth), and the size it draws at. */
  canvasRef: RefObject<HTMLDivElement | null>;
  width: number;
  height: number;
  /** The SVG's contents. */
  children: ReactNode;
  /** Legend items (`<li>`), shown to sighted readers only: the summary and the table say it all. */
  legend?: ReactNode;
  /** The data table's column headings, the first one heading the row headers. */
  columns: readonly string[];
  /** The data table's rows (`<tr>`), one per drawn item. */
  rows: ReactNode;
  className?: string;
}) {
  return (
    <figure className={`results-chart ${props.className ?? ''}`}>
      <figcaption className="results-chart-title">{props.title}</figcaption>
      <div ref={props.canvasRef} className="results-chart-canvas">
        <svg
          role="img"
          aria-label={props.summary}
          width={props.width}
          height={props.height}
          viewBox={`0 0 ${props.width} ${props.height}`}
          className="results-svg"
        >
          {props.children}
        </svg>
      </div>
      {props.legend && (
        <ul className="results-legend" aria-hidden="true">
          {props.legend}
        </ul>
      )}
      <details className="results-chart-data">
        <summary>{m('chart.showTable')}</summary>
        <table className="results-table results-table-compact">
          <caption className="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              {props.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{props.rows}</tbody>
        </table>
      </details>
    </figure>
  );
}
