/**
 * The province page's first table: every indicator's latest value with its change and spread; a
 * click on an indicator opens it in detail below.
 */
import { Button } from 'antd';
import { pick } from '../../i18n/messages.ts';
import { DownloadButton, FigureCells, FigureTable, figureCsv, figureTitles } from './figures.tsx';
import type { ProvinceView } from './indicatorsApi.ts';
import { m } from './messages.ts';

export function SummaryTable({ v, onPick }: { v: ProvinceView; onPick: (id: string) => void }) {
  const year = v.years.at(-1)!.year;
  const rows = () => [
    [m('col.indicator'), m('col.unit'), ...figureTitles()],
    ...v.summary.map((s) => [
      pick(s.indicator.label),
      pick(s.indicator.unit),
      ...figureCsv(s.latest?.province ?? null),
    ]),
  ];
  return (
    <section className="ind-section" aria-labelledby="ind-summary-h">
      <h2 id="ind-summary-h">{m('summary.title', { year })}</h2>
      <FigureTable testId="summary-table" first={[m('col.indicator'), m('col.unit')]}>
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
      </FigureTable>
      <DownloadButton name={`chi-so-${year}.csv`} rows={rows} testId="download-summary" />
    </section>
  );
}
