/**
 * The words around one column of a column chart (DistributionChart, TrendChart): its value just
 * above the column's top, and below the baseline its label and a smaller note.
 */
import type { ReactNode } from 'react';

export function ColumnText(props: {
  /** The column's centre. */
  x: number;
  /** Where the column ends: its top, or the baseline when nothing is drawn. */
  top: number;
  /** The baseline the columns stand on. */
  base: number;
  value: ReactNode;
  label: ReactNode;
  note: ReactNode;
}) {
  return (
    <>
      <text x={props.x} y={props.top - 5} textAnchor="middle" className="results-svg-value">
        {props.value}
      </text>
      <text x={props.x} y={props.base + 16} textAnchor="middle" className="results-svg-label">
        {props.label}
      </text>
      <text x={props.x} y={props.base + 31} textAnchor="middle" className="results-svg-small">
        {props.note}
      </text>
    </>
  );
}
