/**
 * The agency's self-score against its official score, criterion by criterion, on its result page
 * (R12, issue 12): only the criteria that differ, each with the reason the department's data
 * gives — a correction and its reason, the decision on a "not applicable" claim, the website
 * checks. The figures and reasons are the server's (the same comparison as the review page).
 */
import { scoreVn } from '../../format.ts';
import { changeText } from './figures.ts';
import { m } from './messages.ts';
import { type AgencyView, tx } from './resultsApi.ts';

export function SelfVsOfficial({ comparison }: { comparison: NonNullable<AgencyView['comparison']> }) {
  const differing = comparison.criteria.filter((c) => c.difference !== 0);
  return (
    <section aria-labelledby="self-h">
      <h2 id="self-h" className="results-sub">
        {m('self.title')}
      </h2>
      {differing.length === 0 ? (
        <p>{m('self.none')}</p>
      ) : (
        <table className="results-table results-table-compact results-stack" data-testid="self-criteria">
          <caption>{m('self.caption', { n: differing.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{m('self.criterion')}</th>
              <th scope="col" className="num">
                {m('self.self')}
              </th>
              <th scope="col" className="num">
                {m('self.official')}
              </th>
              <th scope="col" className="num">
                {m('self.difference')}
              </th>
              <th scope="col">{m('self.why')}</th>
            </tr>
          </thead>
          <tbody>
            {differing.map((c) => (
              <tr key={c.id} data-criterion={c.id}>
                <th scope="row">{`${c.id}. ${tx(c.name)}`}</th>
                <td className="num" data-label={m('self.self')}>
                  {scoreVn(c.self.points)}
                </td>
                <td className="num" data-label={m('self.official')}>
                  {scoreVn(c.official.points)}
                </td>
                <td className="num" data-label={m('self.difference')}>
                  {changeText(c.difference)}
                </td>
                <td data-label={m('self.why')} data-testid="self-reasons">
                  {c.reasons.length > 0 ? (
                    <ul>
                      {c.reasons.map((r, i) => (
                        <li key={`${r.kind}-${r.fieldKey ?? i}`}>{tx(r.text)}</li>
                      ))}
                    </ul>
                  ) : (
                    tx(c.official.explanation)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
