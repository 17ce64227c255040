/**
 * What the province page's tables share: a figure written the Vietnamese way, the six columns of a
 * scope's figures (value, change, best, median, weakest, reporting) and the CSV download button.
 */
import { Button } from 'antd';
import { numberVn } from '../../format.ts';
import { downloadCsv } from './csv.ts';
import type { AgencyFigure, ScopeView } from './indicatorsApi.ts';
import { m } from './messages.ts';

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

/** A scope's figures as one CSV row after its label. */
export function scopeRow(label: string, s: ScopeView) {
  return [
    label,
    s.value,
    s.change,
    s.best ? `${s.best.name}: ${s.best.value}` : null,
    s.median,
    s.weakest ? `${s.weakest.name}: ${s.weakest.value}` : null,
    s.reporting,
  ];
}
