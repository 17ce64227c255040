/**
 * One group's result (provincial departments, or district committees): the ranking table, the
 * agencies not ranked and why, and the charts — totals against the class thresholds, how many
 * agencies per class, and one chosen agency's categories against their maxima and the group average.
 */
import { Select } from 'antd';
import { useId, useState } from 'react';
import { scoreVn } from '../../format.ts';
import { CategoryChart } from './charts/CategoryChart.tsx';
import { DistributionChart } from './charts/DistributionChart.tsx';
import { TotalsChart } from './charts/TotalsChart.tsx';
import { categoryAverages, groupMax } from './figures.ts';
import { m } from './messages.ts';
import { NotRankedList, RankingTable } from './RankingTable.tsx';
import type { ClassBand, CriteriaSummary, RankingRow, ResultGroup } from './resultsApi.ts';
import { tx } from './resultsApi.ts';

export function GroupSection(props: {
  group: ResultGroup;
  classes: readonly ClassBand[];
  criteria: CriteriaSummary | undefined;
  linkOf: (row: RankingRow) => string | null;
  level: 2 | 3;
  own?: string | null;
}) {
  const { group, classes } = props;
  const H = `h${props.level}` as const;
  const Sub = `h${props.level + 1}` as 'h3' | 'h4';
  const name = tx(group.name);
  const [chosen, setChosen] = useState<string | undefined>(group.ranking[0]?.agencyId);
  const selectId = useId();
  const row = group.ranking.find((r) => r.agencyId === chosen) ?? group.ranking[0];
  const averages = categoryAverages(group);
  return (
    <section className="results-group" aria-labelledby={`${selectId}-h`} data-group={group.id}>
      <H id={`${selectId}-h`} className="results-group-title">
        {name}
      </H>
      <p className="results-muted">
        {m('group.counts', { ranked: group.ranking.length, notRanked: group.notRanked.length })}
      </p>
      <RankingTable
        group={group}
        classes={classes}
        criteria={props.criteria}
        linkOf={props.linkOf}
        own={props.own ?? null}
      />
      <Sub className="results-sub">{m('notRanked.title')}</Sub>
      <NotRankedList group={group} />
      {group.ranking.length > 0 && (
        <>
          <Sub className="results-sub">{m('charts.title')}</Sub>
          <div className="results-charts">
            <TotalsChart groupName={name} rows={group.ranking} classes={classes} max={groupMax(group)} />
            <DistributionChart
              groupName={name}
              rows={group.ranking}
              classes={classes}
              notRanked={group.notRanked.length}
            />
            <div className="results-chart-pick">
              <label htmlFor={selectId} className="results-pick-label">
                {m('charts.pickAgency')}
              </label>
              <Select
                id={selectId}
                value={row?.agencyId}
                onChange={setChosen}
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: '100%', maxWidth: 420 }}
                options={group.ranking.map((r) => ({
                  value: r.agencyId,
                  label: `${r.rank}. ${r.name} — ${scoreVn(r.total)}`,
                }))}
              />
              {row && (
                <CategoryChart
                  title={m('chart.categories.title', { agency: row.name })}
                  agencyName={row.name}
                  categories={group.categories.map((c) => ({
                    id: c.id,
                    name: tx(c.name),
                    points: row.categories.find((x) => x.id === c.id)?.points ?? 0,
                    max: c.max,
                    average: averages.get(c.id) ?? null,
                  }))}
                />
              )}
            </div>
          </div>
        </>
      )}
    </section>
  );
}
