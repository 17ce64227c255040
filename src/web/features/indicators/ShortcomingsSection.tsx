/**
 * The shortcomings of Điều 3.4 on the province page: the agencies that stayed on the wrong side
 * of an indicator's threshold (the criteria set's) in the last two published years, each with a
 * draft letter asking it to correct them, as Word to edit or PDF to read.
 */
import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { apiUrl } from '../../api.ts';
import { numberVn } from '../../format.ts';
import { pick } from '../../i18n/messages.ts';
import { downloadCsv } from './csv.ts';
import { indicatorsApi } from './indicatorsApi.ts';
import { m } from './messages.ts';
import { TableBox } from './TableBox.tsx';

export function ShortcomingsSection(props: { groupName: (id: string) => string }) {
  const view = useQuery({
    queryKey: ['indicator-shortcomings'],
    queryFn: indicatorsApi.shortcomings,
    retry: false,
  });
  const v = view.data;
  if (!v) return null;
  const letter = (agencyId: string, format: 'docx' | 'pdf') =>
    apiUrl(`/indicators/shortcomings/${agencyId}/letter?format=${format}`);
  const rows = () => [
    [
      m('col.agency'),
      m('col.group'),
      m('short.indicator'),
      `${v.previousYear}`,
      `${v.year}`,
      m('short.threshold'),
    ],
    ...v.agencies.flatMap((a) =>
      a.items.map((it) => [
        a.name,
        props.groupName(a.group),
        pick(it.indicator.label),
        it.before,
        it.now,
        it.threshold,
      ]),
    ),
  ];
  return (
    <section className="ind-section" aria-labelledby="ind-short-h" data-testid="shortcomings">
      <h2 id="ind-short-h">{m('short.title')}</h2>
      <p>{m('short.intro')}</p>
      {v.previousYear === null ? (
        <p>{m('short.noPair')}</p>
      ) : v.agencies.length === 0 ? (
        <p>{m('short.none', { before: v.previousYear, year: v.year ?? '' })}</p>
      ) : (
        <>
          <p>
            {m('short.count', { n: v.agencies.length, before: v.previousYear, year: v.year ?? '' })}{' '}
            <Button onClick={() => downloadCsv(m('short.file'), rows())} data-testid="shortcomings-download">
              {m('download')}
            </Button>
          </p>
          <TableBox>
            <table className="ind-table" data-testid="shortcomings-table">
              <caption className="ind-caption">
                {m('short.caption', { before: v.previousYear, year: v.year ?? '' })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{m('col.agency')}</th>
                  <th scope="col">{m('short.indicator')}</th>
                  <th scope="col" className="num">
                    {v.previousYear}
                  </th>
                  <th scope="col" className="num">
                    {v.year}
                  </th>
                  <th scope="col" className="num">
                    {m('short.threshold')}
                  </th>
                  <th scope="col">{m('short.letter')}</th>
                </tr>
              </thead>
              <tbody>
                {v.agencies.flatMap((a) =>
                  a.items.map((it, i) => (
                    <tr key={`${a.agencyId}-${it.indicator.id}`} data-agency={a.code}>
                      {i === 0 && (
                        <th scope="row" rowSpan={a.items.length}>
                          {a.name}
                          <div className="ind-muted">{props.groupName(a.group)}</div>
                        </th>
                      )}
                      <td>{`${pick(it.indicator.label)} (${pick(it.indicator.unit)})`}</td>
                      <td className="num">{numberVn(it.before, 2)}</td>
                      <td className="num">{numberVn(it.now, 2)}</td>
                      <td className="num">{numberVn(it.threshold, 2)}</td>
                      {i === 0 && (
                        <td rowSpan={a.items.length}>
                          <a href={letter(a.agencyId, 'docx')} download>
                            {m('short.word', { agency: a.code })}
                          </a>
                          {' · '}
                          <a href={letter(a.agencyId, 'pdf')} download>
                            {m('short.pdf', { agency: a.code })}
                          </a>
                        </td>
                      )}
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </TableBox>
        </>
      )}
    </section>
  );
}
