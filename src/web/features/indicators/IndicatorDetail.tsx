/**
 * One indicator in detail on the province page: the chosen year and threshold, a chart of the
 * years per scope, the figures by year, the agencies below the threshold and every agency of the
 * year — each table downloadable as CSV.
 */
import { Button } from 'antd';
import { useState } from 'react';
import { numberVn } from '../../format.ts';
import { pick } from '../../i18n/messages.ts';
import { DownloadButton, FigureCells, FigureTable, figureCsv, figureTitles } from './figures.tsx';
import type { AgencyFigure, IndicatorDef, ProvinceView } from './indicatorsApi.ts';
import { m } from './messages.ts';
import { TableBox } from './TableBox.tsx';
import { YearsChart } from './YearsChart.tsx';

export function IndicatorDetail({
  v,
  threshold,
  setThreshold,
  year,
  setYear,
  onPick,
  loading,
}: {
  v: ProvinceView;
  /**
   * Another indicator, year or threshold is on its way: what is shown is the one before, and a
   * threshold typed now would be lost when the new one arrives, so the box waits.
   */
  loading: boolean;
  threshold: number | null;
  setThreshold: (x: number | null) => void;
  year: number;
  setYear: (y: number) => void;
  onPick: (id: string) => void;
}) {
  const d = v.detail!;
  const ind: IndicatorDef = d.indicator;
  const groupName = (id: string) => pick(v.groups.find((g) => g.id === id)?.name ?? { vi: id });
  const scopes = [
    { id: '', label: m('scope.province') },
    ...ind.groups.map((g) => ({ id: g, label: groupName(g) })),
  ];
  const of = (y: (typeof d.series)[number], id: string) => (id ? y.groups[id] : y.province);
  const [text, setText] = useState(threshold === null ? '' : String(threshold).replace('.', ','));
  const years = d.series.map((s) => s.year);
  const byYearRows = () => [
    [m('col.year'), m('col.scope'), ...figureTitles()],
    ...d.series.flatMap((y) =>
      scopes.flatMap((s) => {
        const f = of(y, s.id);
        return f ? [[y.year, s.label, ...figureCsv(f)]] : [];
      }),
    ),
  ];
  const agencyRows = (list: readonly AgencyFigure[]) => () => [
    [m('col.code'), m('col.agency'), m('col.group'), `${pick(ind.label)} (${pick(ind.unit)})`],
    ...list.map((a) => [a.code, a.name, groupName(a.group), a.value]),
  ];
  return (
    <section className="ind-section" aria-labelledby="ind-detail-h" aria-busy={loading}>
      <h2 id="ind-detail-h">{m('detail.title')}</h2>
      <div className="ind-controls">
        <label>
          {m('detail.choose')}
          <select value={ind.id} onChange={(e) => onPick(e.target.value)} data-testid="indicator-select">
            {v.summary.map((s) => (
              <option key={s.indicator.id} value={s.indicator.id}>
                {pick(s.indicator.label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {m('detail.year')}
          <select value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="year-select">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <form
          className="ind-controls"
          style={{ margin: 0 }}
          onSubmit={(e) => {
            e.preventDefault();
            const x = Number(text.trim().replace(',', '.'));
            setThreshold(text.trim() === '' || !Number.isFinite(x) ? null : x);
          }}
        >
          <label>
            {m('detail.threshold', { unit: pick(ind.unit) })}
            <input
              type="text"
              inputMode="decimal"
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-describedby="ind-threshold-help"
              data-testid="threshold-input"
              disabled={loading}
            />
          </label>
          <Button htmlType="submit" type="primary" loading={loading}>
            {m('detail.apply')}
          </Button>
        </form>
      </div>
      <p id="ind-threshold-help" className="ind-muted">
        {ind.higherIsBetter ? m('detail.thresholdHelp') : m('detail.thresholdHelpLower')}{' '}
        {m('detail.how', { how: pick(ind.howText) })}{' '}
        {ind.higherIsBetter ? m('detail.higher') : m('detail.lower')}
      </p>

      <h3>{m('chart.title')}</h3>
      <YearsChart
        years={years}
        label={m('chart.label', { indicator: pick(ind.label), from: years[0]!, to: years.at(-1)! })}
        series={scopes.map((s) => ({
          label: s.label,
          values: d.series.map((y) => of(y, s.id)?.value ?? null),
        }))}
      />

      <h3>{m('years.title')}</h3>
      <FigureTable testId="years-table" first={[m('col.year'), m('col.scope')]}>
        {[...d.series].reverse().flatMap((y) =>
          scopes.map((s) => {
            const f = of(y, s.id);
            if (!f) return null;
            return (
              <tr key={`${y.year}-${s.id}`}>
                <td>{y.year}</td>
                <td>{s.label}</td>
                <FigureCells f={f} />
              </tr>
            );
          }),
        )}
      </FigureTable>
      <DownloadButton name={`${ind.id}-theo-nam.csv`} rows={byYearRows} testId="download-years" />

      <h3 data-testid="below-title">
        {d.threshold === null
          ? m('below.noThreshold')
          : m('below.title', {
              threshold: `${numberVn(d.threshold, 2)} ${pick(ind.unit)}`,
              year: d.year,
              n: d.belowThreshold.length,
            })}
      </h3>
      {d.threshold !== null &&
        (d.belowThreshold.length ? (
          <>
            <AgencyTable list={d.belowThreshold} ind={ind} groupName={groupName} testId="below-table" />
            <DownloadButton
              name={`${ind.id}-duoi-nguong-${d.year}.csv`}
              rows={agencyRows(d.belowThreshold)}
              testId="download-below"
            />
          </>
        ) : (
          <p>{m('below.none')}</p>
        ))}

      <h3>{m('agencies.title', { year: d.year })}</h3>
      <AgencyTable list={d.agencies} ind={ind} groupName={groupName} testId="agencies-table" />
      <DownloadButton
        name={`${ind.id}-${d.year}.csv`}
        rows={agencyRows(d.agencies)}
        testId="download-agencies"
      />
    </section>
  );
}

function AgencyTable(props: {
  list: readonly AgencyFigure[];
  ind: IndicatorDef;
  groupName: (id: string) => string;
  testId: string;
}) {
  return (
    <TableBox>
      <table className="ind-table" data-testid={props.testId}>
        <thead>
          <tr>
            <th scope="col">{m('col.agency')}</th>
            <th scope="col">{m('col.group')}</th>
            <th scope="col" className="num">{`${pick(props.ind.label)} (${pick(props.ind.unit)})`}</th>
          </tr>
        </thead>
        <tbody>
          {props.list.map((a) => (
            <tr key={a.agencyId}>
              <td>{a.name}</td>
              <td>{props.groupName(a.group)}</td>
              <td className="num">{numberVn(a.value, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
