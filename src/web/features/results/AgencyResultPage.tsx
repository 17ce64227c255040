/**
 * /ky/:cycleId/ket-qua/:agencyId — one agency's result as its leader reads it at a glance, and
 * prints it on one or two A4 pages: where it stands, where it lost points, what to improve first,
 * its categories against the maxima and the group average, and its totals over the years.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Typography } from 'antd';
import { apiUrl } from '../../api.ts';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { dateTimeVn, scoreVn } from '../../format.ts';
import { t } from '../../i18n/messages.ts';
import { Link } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { AgencyAppeals } from '../appeals/AgencyAppeals.tsx';
import { m as appealsM } from '../appeals/messages.ts';
import { ProvisionalNotice } from '../appeals/ProvisionalNotice.tsx';
import { m as indicatorsM } from '../indicators/messages.ts';
import { ResultWhatIf } from '../whatif/ResultWhatIf.tsx';
import { CategoryChart } from './charts/CategoryChart.tsx';
import { TrendChart } from './charts/TrendChart.tsx';
import { ClassBadge } from './classes.tsx';
import { categoriesByLoss, changeText } from './figures.ts';
import { type YearPoint, yearPointOf } from './history.ts';
import { m } from './messages.ts';
import { rankingLink } from './mode.ts';
import { type AgencyView, resultsApi, tx } from './resultsApi.ts';
import { SelfVsOfficial } from './SelfVsOfficial.tsx';
import { StatusBanner } from './StatusBanner.tsx';
import { useCycle, useHistory, usePreviewMode, useResults } from './useResultsData.ts';
import './results.css';

export default function AgencyResultPage({ params, user }: ScreenProps) {
  const cycleId = params.cycleId!;
  const agencyId = params.agencyId!;
  const { cycles, cycle } = useCycle(cycleId);
  const { preview: staffPreview } = usePreviewMode(user, cycle);
  // While the appeal period runs a reporter reads its own provisional result: what it may contest.
  // Not the ranking of the others, which stays the staff's until publication.
  const provisional = user.role === 'reporter' && cycle?.state === 'approved';
  const preview = staffPreview || provisional;
  const view = useQuery({
    queryKey: ['results-agency', cycleId, agencyId, preview],
    queryFn: () => resultsApi.agency(cycleId, agencyId, preview),
    enabled: !cycles.isPending,
    retry: false,
  });
  // The ranking document gives the classes and the banner; usually already cached from the ranking page.
  const results = useResults(cycleId, preview, !cycles.isPending && !provisional);
  const history = useHistory(cycles.data?.cycles, view.data?.cycle.year);
  const a = view.data;
  const ranking = rankingLink(cycleId, preview);
  const title = a ? m('agency.title', { agency: a.agency.name, year: a.cycle.year }) : m('agency.titlePlain');
  return (
    <div className="results-page results-agency-page">
      <PageHeader
        title={title}
        crumbs={[
          { label: t('app.home'), to: '/' },
          provisional
            ? { label: appealsM('link.appeals'), to: `/ky/${cycleId}/kien-nghi` }
            : {
                label: a ? m('results.title', { year: a.cycle.year }) : m('results.titlePlain'),
                to: ranking,
              },
        ]}
        extra={
          a && (
            <span className="no-print">
              <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
                {m('agency.print')}
              </Button>
              {a.revision && user.role !== 'viewer' && (
                <>
                  {' '}
                  <Button href={apiUrl(`/cycles/${cycleId}/notices/${agencyId}?format=docx`)} download>
                    {m('downloads.notice')} (Word)
                  </Button>{' '}
                  <Button href={apiUrl(`/cycles/${cycleId}/notices/${agencyId}?format=pdf`)} download>
                    {m('downloads.notice')} (PDF)
                  </Button>
                </>
              )}
            </span>
          )
        }
      />
      {(cycles.isPending || view.isPending) && <Loading label={m('results.loading')} />}
      {view.isError && (
        <LoadError error={view.error} title={m('results.notAvailable')} onRetry={() => void view.refetch()} />
      )}
      {a && results.data && <StatusBanner data={results.data} />}
      {a && provisional && <ProvisionalNotice cycleId={cycleId} agencyId={agencyId} />}
      {a && (
        <p className="results-print-only">
          {m('agency.printedAt', { date: dateTimeVn(new Date().toISOString()) })}
        </p>
      )}
      {a && (
        <AgencyBody
          a={a}
          classes={results.data?.classes ?? []}
          earlier={history.byCode(a.agency.code, a.lineage)}
          max={a.categories.reduce((s, c) => s + c.max, 0)}
        />
      )}
      {a && <AgencyAppeals cycleId={cycleId} agencyId={agencyId} user={user} state={a.cycle.state} />}
      {a && user.role !== 'viewer' && (user.role !== 'reporter' || user.agencyId === agencyId) && (
        <p>
          <Link to={`/tinh-hinh/co-quan/${agencyId}`}>{indicatorsM('peer.link')}</Link>
        </p>
      )}
    </div>
  );
}

function AgencyBody(props: {
  a: AgencyView;
  classes: NonNullable<ReturnType<typeof useResults>['data']>['classes'];
  earlier: YearPoint[];
  max: number;
}) {
  const { a, classes } = props;
  const group = tx(a.agency.groupName);
  const byLoss = categoriesByLoss(a);
  const current = yearPointOf(a);
  const prev = a.previousYear;
  return (
    <>
      <section className="results-standing" aria-labelledby="standing-h" data-testid="standing">
        <h2 id="standing-h" className="results-sub">
          {m('agency.standing')}
        </h2>
        {a.ranked ? (
          <dl className="results-facts">
            <div>
              <dt>{m('table.rank')}</dt>
              <dd className="results-big">{m('rank.of', { rank: a.rank!, of: a.rankedInGroup })}</dd>
              <dd>{m('agency.inGroup', { group })}</dd>
            </div>
            <div>
              <dt>{m('table.total')}</dt>
              <dd className="results-big">{scoreVn(a.total!)}</dd>
              <dd>{m('table.outOf', { max: scoreVn(props.max) })}</dd>
            </div>
            <div>
              <dt>{m('table.class')}</dt>
              <dd className="results-big">
                <ClassBadge classes={classes} id={a.class} label={a.classLabel} />
              </dd>
            </div>
          </dl>
        ) : (
          <Typography.Paragraph className="results-notranked-why" strong>
            {m('agency.notRanked', { reason: tx(a.notRankedLabel), group })}
          </Typography.Paragraph>
        )}
        {a.selfTotal !== null && (
          <p data-testid="self-vs-official">
            {a.total === null
              ? m('agency.selfOnly', { self: scoreVn(a.selfTotal) })
              : m('agency.selfVsOfficial', {
                  self: scoreVn(a.selfTotal),
                  official: scoreVn(a.total),
                  difference: changeText(Math.round((a.total - a.selfTotal) * 100) / 100),
                })}
          </p>
        )}
        {a.dataQuality.map((q) => (
          <p key={q.criterionId} data-testid="data-quality">
            {q.points === null
              ? m('agency.markNotRanked', { id: q.criterionId, name: tx(q.name), max: scoreVn(q.max) })
              : m('agency.mark', {
                  id: q.criterionId,
                  name: tx(q.name),
                  points: scoreVn(q.points),
                  max: scoreVn(q.max),
                })}
            {q.note && <> {m('agency.markNote', { note: q.note })}</>}
          </p>
        ))}
        {prev && (
          <p>
            {prev.ranked
              ? m(prev.change === null ? 'agency.prevPlain' : 'agency.prev', {
                  year: prev.year,
                  total: scoreVn(prev.total!),
                  rank: prev.rank!,
                  of: prev.rankedInGroup,
                  change: prev.change === null ? '' : changeText(prev.change),
                })
              : m('agency.prevNotRanked', { year: prev.year, reason: tx(prev.notRankedLabel) })}
            {prev.via && ` ${m('agency.prevVia', { year: prev.year, via: tx(prev.via) })}`}
          </p>
        )}
        {a.lineage.length > 0 && (
          <p data-testid="lineage">
            {m('agency.lineage', { list: a.lineage.map((p) => tx(p.label)).join('; ') })}
          </p>
        )}
      </section>

      {a.ranked && (
        <section aria-labelledby="lost-h">
          <h2 id="lost-h" className="results-sub">
            {m('agency.lost')}
          </h2>
          <table className="results-table results-table-compact results-stack" data-testid="lost-categories">
            <caption>{m('agency.lostCategories')}</caption>
            <thead>
              <tr>
                <th scope="col">{m('table.category')}</th>
                <th scope="col" className="num">
                  {m('table.points')}
                </th>
                <th scope="col" className="num">
                  {m('table.lost')}
                </th>
                <th scope="col" className="num">
                  {m('table.groupAverage')}
                </th>
              </tr>
            </thead>
            <tbody>
              {byLoss.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{`${c.id}. ${tx(c.name)}`}</th>
                  <td className="num" data-label={m('table.points')}>
                    {`${scoreVn(c.points ?? 0)} / ${scoreVn(c.max)}`}
                  </td>
                  <td className="num" data-label={m('table.lost')}>
                    {scoreVn(c.lost)}
                  </td>
                  <td className="num" data-label={m('table.groupAverage')}>
                    {c.groupAverage === null ? '—' : scoreVn(c.groupAverage)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3 className="results-sub">{m('agency.lostCriteria')}</h3>
          {a.biggestLosses.length === 0 ? (
            <p>{m('agency.noLoss')}</p>
          ) : (
            <ol className="results-losses" data-testid="losses">
              {a.biggestLosses.map((k) => (
                <li key={k.criterionId} data-criterion={k.criterionId}>
                  <p className="results-loss-head">
                    <strong>{`${k.criterionId}. ${tx(k.name)}`}</strong>
                    {` — ${m('agency.lossLine', { points: scoreVn(k.points), max: scoreVn(k.max), lost: scoreVn(k.lost) })}`}
                  </p>
                  {tx(k.explanation) && <p className="results-explanation">{tx(k.explanation)}</p>}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}

      {a.comparison && <SelfVsOfficial comparison={a.comparison} />}

      {a.ranked && a.biggestLosses.length > 0 && (
        <section aria-labelledby="improve-h" className="results-improve">
          <h2 id="improve-h" className="results-sub">
            {m('agency.improve')}
          </h2>
          <ul>
            {a.biggestLosses.slice(0, 3).map((k) => (
              <li key={k.criterionId}>
                {m('agency.improveItem', {
                  name: tx(k.name),
                  points: scoreVn(k.points),
                  max: scoreVn(k.max),
                  lost: scoreVn(k.lost),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}

      {a.ranked && <ResultWhatIf view={a} />}

      {a.ranked && (
        <section aria-labelledby="cat-h">
          <h2 id="cat-h" className="results-sub">
            {m('agency.categories')}
          </h2>
          <CategoryChart
            title={m('chart.categories.title', { agency: a.agency.name })}
            agencyName={a.agency.name}
            categories={a.categories.map((c) => ({
              id: c.id,
              name: tx(c.name),
              points: c.points ?? 0,
              max: c.max,
              average: c.groupAverage,
            }))}
          />
        </section>
      )}

      {props.earlier.length > 0 && (
        <section aria-labelledby="trend-h">
          <h2 id="trend-h" className="results-sub">
            {m('trend.title')}
          </h2>
          <TrendChart
            agencyName={a.agency.name}
            points={[...props.earlier.filter((p) => p.year !== a.cycle.year), current]}
            classes={classes}
            max={props.max}
          />
        </section>
      )}
    </>
  );
}
