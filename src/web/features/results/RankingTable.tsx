/**
 * The ranking of one group as the decision publishes it: rank, agency, total, class (in words),
 * points per category; each row opens onto the points of every criterion. A plain table in its
 * own keyboard-focusable scrolling region, so that a phone scrolls the table and not the page.
 */
import { Fragment, useState } from 'react';
import { scoreVn } from '../../format.ts';
import { Link } from '../../router.tsx';
import { ClassBadge } from './classes.tsx';
import { m } from './messages.ts';
import { type ClassBand, type CriteriaSummary, type RankingRow, type ResultGroup, tx } from './resultsApi.ts';

export function RankingTable(props: {
  group: ResultGroup;
  classes: readonly ClassBand[];
  criteria: CriteriaSummary | undefined;
  /** The agency page of a row, or null when this reader may not open it. */
  linkOf: (row: RankingRow) => string | null;
  /** The reader's own agency, marked in the table. */
  own?: string | null;
}) {
  const { group } = props;
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const caption = m('ranking.caption', { group: tx(group.name), n: group.ranking.length });
  const summaryGroup = props.criteria?.groups.find((g) => g.id === group.id);
  const columns = 4 + group.categories.length;
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll */}
      <section className="results-scroll" aria-label={caption} tabIndex={0}>
        <table className="results-table results-ranking">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {m('table.rank')}
              </th>
              <th scope="col">{m('table.agency')}</th>
              <th scope="col" className="num">
                {m('table.total')}
              </th>
              <th scope="col">{m('table.class')}</th>
              {group.categories.map((c) => (
                <th scope="col" key={c.id} className="num">
                  <abbr title={tx(c.name)}>{m('table.categoryShort', { id: c.id })}</abbr>
                  <span className="visually-hidden">{` ${tx(c.name)}`}</span>
                  <span className="results-th-max">{m('table.outOf', { max: scoreVn(c.max) })}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {group.ranking.map((r) => {
              const expanded = open.has(r.agencyId);
              const detailId = `results-detail-${r.agencyId}`;
              const link = props.linkOf(r);
              return (
                <Fragment key={r.agencyId}>
                  <tr data-agency={r.code} className={r.agencyId === props.own ? 'results-own' : undefined}>
                    <td className="num results-rank">{r.rank}</td>
                    <th scope="row" className="results-agency">
                      {link ? <Link to={link}>{r.name}</Link> : r.name}
                      {r.agencyId === props.own && (
                        <span className="results-own-tag">{m('ranking.own')}</span>
                      )}
                      <button
                        type="button"
                        className="results-expand no-print"
                        aria-expanded={expanded}
                        aria-controls={detailId}
                        onClick={() => toggle(r.agencyId)}
                      >
                        {expanded ? m('ranking.hideCriteria') : m('ranking.showCriteria')}
                        <span className="visually-hidden">{` — ${r.name}`}</span>
                      </button>
                    </th>
                    <td className="num results-total">{scoreVn(r.total)}</td>
                    <td>
                      <ClassBadge classes={props.classes} id={r.class} label={r.classLabel} />
                    </td>
                    {group.categories.map((c) => (
                      <td key={c.id} className="num">
                        {scoreVn(r.categories.find((x) => x.id === c.id)?.points ?? 0)}
                      </td>
                    ))}
                  </tr>
                  {expanded && (
                    <tr id={detailId} className="results-detail-row">
                      <td colSpan={columns}>
                        <CriteriaDetail row={r} group={group} summary={summaryGroup} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
            {group.ranking.length === 0 && (
              <tr>
                <td colSpan={columns}>{m('ranking.empty')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </section>
      <ul className="results-category-legend">
        {group.categories.map((c) => (
          <li key={c.id}>
            <strong>{m('table.categoryShort', { id: c.id })}</strong>
            {`: ${tx(c.name)} (${m('table.maxPoints', { max: scoreVn(c.max) })})`}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Every criterion's points of one agency, by category, with its maximum when the names are known. */
function CriteriaDetail(props: {
  row: RankingRow;
  group: ResultGroup;
  summary: CriteriaSummary['groups'][number] | undefined;
}) {
  const { row, summary } = props;
  if (!summary)
    return (
      <ul className="results-criteria-plain">
        {Object.entries(row.criteria).map(([id, p]) => (
          <li key={id}>{`${id}: ${scoreVn(p)}`}</li>
        ))}
      </ul>
    );
  return (
    <div className="results-criteria">
      {summary.categories.map((c) => (
        <table key={c.id} className="results-table results-table-compact">
          <caption>
            {`${m('table.categoryShort', { id: c.id })}. ${tx(c.name)}: ${scoreVn(row.categories.find((x) => x.id === c.id)?.points ?? 0)} / ${scoreVn(c.max)}`}
          </caption>
          <thead>
            <tr>
              <th scope="col">{m('table.criterion')}</th>
              <th scope="col" className="num">
                {m('table.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            {c.criteria.map((k) => {
              const p = row.criteria[k.id] ?? 0;
              return (
                <tr key={k.id} className={p < k.max ? 'results-lost' : undefined}>
                  <th scope="row">{`${k.id}. ${tx(k.name)}`}</th>
                  <td className="num">{`${scoreVn(p)} / ${scoreVn(k.max)}`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
    </div>
  );
}

/** The agencies left out of the ranking, with why (late, not submitted). */
export function NotRankedList(props: { group: ResultGroup }) {
  const { group } = props;
  if (group.notRanked.length === 0) return <p className="results-muted">{m('notRanked.none')}</p>;
  return (
    <table className="results-table results-table-compact results-notranked">
      <caption>{m('notRanked.caption', { group: tx(group.name), n: group.notRanked.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{m('table.agency')}</th>
          <th scope="col">{m('table.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {group.notRanked.map((r) => (
          <tr key={r.agencyId} data-agency={r.code}>
            <th scope="row">{r.name}</th>
            <td>{tx(r.reasonLabel)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
