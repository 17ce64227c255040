/**
 * /tinh-hinh/co-quan/:agencyId — an agency against its peers (Điều 3.2): each indicator's value
 * beside its group's median and best over the published years, following the agency's former
 * units across renames and mergers. A reporter opens its own agency's; no other agency is named.
 */
import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { numberVn } from '../../format.ts';
import { pick, t } from '../../i18n/messages.ts';
import type { ScreenProps } from '../../screen.ts';
import { downloadCsv } from './csv.ts';
import { indicatorsApi, type PeerView } from './indicatorsApi.ts';
import { m } from './messages.ts';
import { TableBox } from './TableBox.tsx';
import { YearsChart } from './YearsChart.tsx';
import './indicators.css';

const n = (v: number | null) => (v === null ? m('none') : numberVn(v, 2));

function rowsOf(v: PeerView): (string | number | null)[][] {
  return [
    [m('col.indicator'), m('col.unit'), m('col.year'), m('peer.agency'), m('peer.median'), m('peer.best')],
    ...v.indicators.flatMap((i) =>
      i.points.map((p) => [
        pick(i.indicator.label),
        pick(i.indicator.unit),
        p.year,
        p.value,
        p.groupMedian,
        p.groupBest,
      ]),
    ),
  ];
}

export default function PeerPage({ params }: ScreenProps) {
  const agencyId = params.agencyId!;
  const view = useQuery({
    queryKey: ['peers', agencyId],
    queryFn: () => indicatorsApi.peers(agencyId),
    retry: false,
  });
  const v = view.data;
  return (
    <div className="indicators-page">
      <PageHeader
        title={v ? m('peer.titleOf', { name: v.agency.name }) : m('peer.title')}
        crumbs={[{ label: t('app.home'), to: '/' }]}
        intro={<p>{m('peer.intro')}</p>}
      />
      {view.isPending && <Loading label={m('peer.loading')} />}
      {view.isError && (
        <LoadError error={view.error} title={m('page.notAvailable')} onRetry={() => void view.refetch()} />
      )}
      {v && !v.years.length && <p>{m('page.noYears')}</p>}
      {v && v.years.length > 0 && (
        <>
          <p data-testid="years-included">{m('page.years', { list: v.years.join(', ') })}</p>
          <Button
            onClick={() => downloadCsv(`so-sanh-${v.agency.code}.csv`, rowsOf(v))}
            data-testid="download-peers"
          >
            {m('download')}
          </Button>
          {v.indicators.map((i) => (
            <section key={i.indicator.id} className="ind-section" aria-labelledby={`peer-${i.indicator.id}`}>
              <h2 id={`peer-${i.indicator.id}`}>
                {pick(i.indicator.label)} ({pick(i.indicator.unit)})
              </h2>
              {v.years.length > 1 && (
                <YearsChart
                  years={v.years}
                  label={m('chart.label', {
                    indicator: pick(i.indicator.label),
                    from: v.years[0]!,
                    to: v.years.at(-1)!,
                  })}
                  series={[
                    { label: v.agency.name, values: i.points.map((p) => p.value) },
                    { label: m('peer.median'), values: i.points.map((p) => p.groupMedian) },
                    { label: m('peer.best'), values: i.points.map((p) => p.groupBest) },
                  ]}
                />
              )}
              <TableBox>
                <table className="ind-table" data-testid={`peer-table-${i.indicator.id}`}>
                  <thead>
                    <tr>
                      <th scope="col">{m('col.year')}</th>
                      <th scope="col" className="num">
                        {m('peer.agency')}
                      </th>
                      <th scope="col" className="num">
                        {m('peer.median')}
                      </th>
                      <th scope="col" className="num">
                        {m('peer.best')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {i.points.map((p) => (
                      <tr key={p.year}>
                        <td>
                          {p.year}
                          {p.asUnits.length > 0 && (
                            <span className="ind-muted">
                              {' '}
                              ({m('peer.asUnits', { names: p.asUnits.join(', ') })})
                            </span>
                          )}
                        </td>
                        <td className="num">{n(p.value)}</td>
                        <td className="num">{n(p.groupMedian)}</td>
                        <td className="num">{n(p.groupBest)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableBox>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
