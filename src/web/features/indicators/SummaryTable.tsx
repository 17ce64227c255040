/**
 * The province page's first table: every indicator's latest value with its change and spread; a
 * click on an indicator opens it in detail below.
 */
import { Button } from 'antd';
import { pick } from '../../i18n/messages.ts';
import { DownloadButton, FigureCells, FigureHeads } from './figures.tsx';
import type { ProvinceView } from './indicatorsApi.ts';
import { m } from './messages.ts';
import { TableBox } from './TableBox.tsx';

export function SummaryTable({ v, onPick }: { v: ProvinceView; onPick: (id: string) => void }) {
  const year = v.years.at(-1)!.year;
  const rows = () => [
    [
      m('col.indicator'),
      m('col.unit'),
      m('col.value'),
      m('col.change'),
      m('col.best'),
      m('col.median'),
      m('col.weakest'),
      m('col.reporting'),
    ],
    ...v.summary.map((s) => [
      pick(s.indicator.label),
      pick(s.indicator.unit),
      s.latest?.province.value ?? null,
      s.latest?.province.change ?? null,
      s.latest?.province.best ? `${s.latest.province.best.name}: ${s.latest.province.best.value}` : null,
      s.latest?.province.median ?? null,
      s.latest?.province.weakest
        ? `${s.latest.province.weakest.name}: ${s.latest.province.weakest.value}`
        : null,
      s.latest?.province.reporting ?? 0,
    ]),
  ];
  return (
    <section className="ind-section" aria-labelledby="ind-summary-h">
      <h2 id="ind-summary-h">{m('summary.title', { year })}</h2>
      <TableBox>
        <table className="ind-table" data-testid="summary-table">
          <thead>
            <tr>
              <th scope="col">{m('col.indicator')}</th>
              <th scope="col">{m('col.unit')}</th>
              <FigureHeads />
            </tr>
          </thead>
          <tbody>
            {v.summary.map((s) => (
              <tr key={s.indicator.id}>
                <th scope="row">
                  <Button
                    type="link"
                    onClick={() => onPick(s.indicator.id)}
                    style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }}
                  >
                    {pick(s.indicator.label)}
                  </Button>
                </th>
                <td>{pick(s.indicator.unit)}</td>
                <FigureCells f={s.latest?.province ?? null} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
      <DownloadButton name={`chi-so-${year}.csv`} rows={rows} testId="download-summary" />
    </section>
  );
}
