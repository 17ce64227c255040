/**
 * /tinh-hinh — the province's picture for the department and the Steering Committee (Điều 3.1):
 * every indicator's latest value with its change and spread, and one indicator in detail: a chart
 * of the years, the figures per group, and the agencies below the threshold the user sets. Every
 * table can be downloaded as CSV.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState } from 'react';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { numberVn } from '../../format.ts';
import { pick, t } from '../../i18n/messages.ts';
import type { ScreenProps } from '../../screen.ts';
import { downloadCsv } from './csv.ts';
import {
  type AgencyFigure,
  type IndicatorDef,
  indicatorsApi,
  type ProvinceView,
  type ScopeView,
} from './indicatorsApi.ts';
import { m } from './messages.ts';
import { ShortcomingsSection } from './ShortcomingsSection.tsx';
import { TableBox } from './TableBox.tsx';
import { YearsChart } from './YearsChart.tsx';
import './indicators.css';

const n = (v: number | null | undefined) => (v === null || v === undefined ? m('none') : numberVn(v, 2));
const signed = (v: number | null) => (v === null ? m('none') : `${v > 0 ? '+' : ''}${numberVn(v, 2)}`);
const who = (a: AgencyFigure | null) => (a ? `${a.name}: ${numberVn(a.value, 2)}` : m('none'));

/** The six columns every figure of a scope shows: value, change, best, median, weakest, reporting. */
function FigureHeads() {
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

function FigureCells({ f }: { f: ScopeView | null }) {
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

function DownloadButton(props: { name: string; rows: () => (string | number | null)[][]; testId: string }) {
  return (
    <Button onClick={() => downloadCsv(props.name, props.rows())} data-testid={props.testId}>
      {m('download')}
    </Button>
  );
}

function SummaryTable({ v, onPick }: { v: ProvinceView; onPick: (id: string) => void }) {
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

function scopeRow(label: string, s: ScopeView) {
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

function Detail({
  v,
  threshold,
  setThreshold,
  year,
  setYear,
  onPick,
}: {
  v: ProvinceView;
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
    [
      m('col.year'),
      m('col.scope'),
      m('col.value'),
      m('col.change'),
      m('col.best'),
      m('col.median'),
      m('col.weakest'),
      m('col.reporting'),
    ],
    ...d.series.flatMap((y) =>
      scopes.flatMap((s) => {
        const f = of(y, s.id);
        return f ? [[y.year, ...scopeRow(s.label, f)]] : [];
      }),
    ),
  ];
  const agencyRows = (list: readonly AgencyFigure[]) => () => [
    [m('col.code'), m('col.agency'), m('col.group'), `${pick(ind.label)} (${pick(ind.unit)})`],
    ...list.map((a) => [a.code, a.name, groupName(a.group), a.value]),
  ];
  return (
    <section className="ind-section" aria-labelledby="ind-detail-h">
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
            />
          </label>
          <Button htmlType="submit" type="primary">
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
      <TableBox>
        <table className="ind-table" data-testid="years-table">
          <thead>
            <tr>
              <th scope="col">{m('col.year')}</th>
              <th scope="col">{m('col.scope')}</th>
              <FigureHeads />
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </TableBox>
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

export default function IndicatorsPage(_: ScreenProps) {
  const [indicator, setIndicator] = useState<string | undefined>();
  const [threshold, setThreshold] = useState<number | null | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const view = useQuery({
    queryKey: ['indicators', indicator, year, threshold],
    queryFn: () => indicatorsApi.province({ indicator, year, threshold }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const v = view.data;
  const pickIndicator = (id: string) => {
    setIndicator(id);
    setThreshold(undefined);
  };
  return (
    <div className="indicators-page">
      <PageHeader
        title={m('page.title')}
        crumbs={[{ label: t('app.home'), to: '/' }]}
        intro={<p>{m('page.intro')}</p>}
      />
      {view.isPending && <Loading label={m('page.loading')} />}
      {view.isError && !v && (
        <LoadError error={view.error} title={m('page.notAvailable')} onRetry={() => void view.refetch()} />
      )}
      {v && !v.years.length && <p>{m('page.noYears')}</p>}
      {v && v.years.length > 0 && (
        <>
          <p data-testid="years-included">
            {m('page.years', { list: v.years.map((y) => y.year).join(', ') })}{' '}
            {v.criteria && m('page.criteria', { id: v.criteria.setId, version: v.criteria.version })}
          </p>
          <SummaryTable v={v} onPick={pickIndicator} />
          <ShortcomingsSection
            groupName={(id) => pick(v.groups.find((g) => g.id === id)?.name ?? { vi: id })}
          />
          {v.detail && (
            <Detail
              key={`${v.detail.indicator.id}`}
              v={v}
              threshold={v.detail.threshold}
              setThreshold={(x) => setThreshold(x)}
              year={v.detail.year}
              setYear={setYear}
              onPick={pickIndicator}
            />
          )}
        </>
      )}
    </div>
  );
}
