/**
 * The frame every results chart shares: a visible title, the drawing (role="img" with a sentence
 * that says what it shows), and the same numbers as a table behind a keyboard-operable
 * disclosure, for screen readers and for whoever wants the exact figures.
 */
import type { ReactNode } from 'react';
import { m } from '../messages.ts';

export function ChartFigure(props: {
  title: string;
  /** The chart's text alternative: what a sighted reader takes from it, with the numbers. */
  summary: string;
  children: ReactNode;
  table: ReactNode;
  className?: string;
}) {
  return (
    <figure className={`results-chart ${props.className ?? ''}`}>
      <figcaption className="results-chart-title">{props.title}</figcaption>
      {props.children}
      <details className="results-chart-data">
        <summary>{m('chart.showTable')}</summary>
        {props.table}
      </details>
    </figure>
  );
}
