/**
 * What the province page's tables share: a figure written the Vietnamese way, the six columns of a
 * scope's figures (value, change, best, median, weakest, reporting) on screen and in CSV, the
 * table they stand in, and the CSV download button.
 */
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { numberVn } from '../../format.ts';
import { downloadCsv } from './csv.ts';
import type { AgencyFigure, ScopeView } from './indicatorsApi.ts';
import { m } from './messages.ts';
import { TableBox } from './TableBox.tsx';

export const n = (v: number | null | undefined) =>
  v === null || v === undefined ? m('none') : numberVn(v, 2);
export const signed = (v: number | null) => (v === null ? m('none') : `${v > 0 ? '+' : ''}${numberVn(v, 2)}`);
export const who = (a: AgencyFigure | null) => (a ? `${a.name}: ${numberVn(a.value, 2)}` : m('none'));

/** The six columns every figure of a scope shows: value, change, best, median, weakest, reporting. */
export function FigureHeads() {
  return (
    <>
      <th scope="col" className="num">
        {m('col.value')}
      </th>
      <th scope="col" className="num">
        {m('col.change')}
      </th>
      <th scope="col">{m('col.best')}</th>
      <th scope="col" className="num">
        {m('col.median')}
      </th>
      <th scope="col">{m('col.weakest')}</th>
      <th scope="col" className="num">
        {m('col.reporting')}
      </th>
    </>
  );
}

export function FigureCells({ f }: { f: ScopeView | null }) {
  return (
    <>
      <td className="num">{n(f?.value)}</td>
      <td className="num">{signed(f?.change ?? null)}</td>
      <td>{who(f?.best ?? null)}</td>
      <td className="num">{n(f?.median)}</td>
      <td>{who(f?.weakest ?? null)}</td>
      <td className="num">{f?.reporting ?? 0}</td>
    </>
  );
}

export function DownloadButton(props: {
  name: string;
  rows: () => (string | number | null)[][];
  testId: string;
}) {
  return (
    <Button onClick={() => downloadCsv(props.name, props.rows())} data-testid={props.testId}>
      {m('download')}
    </Button>
  );
}

/** The six figure columns' titles, for a CSV's header. */
export const figureTitles = () => [
  m('col.value'),
  m('col.change'),
  m('col.best'),
  m('col.median'),
  m('col.weakest'),
  m('col.reporting'),
];

/** A scope's six figures as CSV cells (none when the scope has no figure). */
export function figureCsv(s: ScopeView | null): (string | number | null)[] {
  return [
    s?.value ?? null,
    s?.change ?? null,
    s?.best ? `${s.best.name}: ${s.best.value}` : null,
    s?.median ?? null,
    s?.weakest ? `${s.weakest.name}: ${s.weakest.value}` : null,
    s?.reporting ?? 0,
  ];
}

/** A table of scopes' figures: its own first columns, then the six; the rows are the children. */
export function FigureTable(props: { testId: string; first: readonly string[]; children: ReactNode }) {
  return (
    <TableBox>
      <table className="ind-table" data-testid={props.testId}>
        <thead>
          <tr>
            {props.first.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
            <FigureHeads />
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </TableBox>
  );
}
