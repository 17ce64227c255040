/**
 * /ky/:cycleId/khao-sat — the department's list of the cycle's planned field surveys: agency,
 * date, team, the agency's confirmation, how many figures, and the way to each agency's review
 * page where visits are planned and findings recorded; the Steering Committee reads the same.
 */
import { useQuery } from '@tanstack/react-query';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { byVietnamese, dateVn } from '../../format.ts';
import { t, pick as tx } from '../../i18n/messages.ts';
import { Link } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { m } from './messages.ts';
import { surveysApi } from './surveysApi.ts';
import './surveys.css';

export default function SurveyPlansPage({ params, user }: ScreenProps) {
  const cycleId = params.cycleId!;
  const view = useQuery({
    queryKey: ['survey-plans', cycleId, 'all'],
    queryFn: () => surveysApi.plans(cycleId),
  });
  const v = view.data;
  const plans = [...(v?.plans ?? [])].sort(
    (a, b) => a.visitDate.localeCompare(b.visitDate) || byVietnamese(a.agency.name, b.agency.name),
  );
  return (
    <div className="plans-page">
      <PageHeader
        title={v ? m('page.title', { year: v.cycle.year }) : m('page.titlePlain')}
        crumbs={[
          { label: t('app.home'), to: '/' },
          ...(user.role === 'approver'
            ? []
            : [{ label: m('page.toProgress'), to: `/ky/${cycleId}/tien-do` }]),
        ]}
        intro={<p>{m('page.intro')}</p>}
      />
      {view.isPending && <Loading label={m('plans.loading')} />}
      {view.isError && (
        <LoadError error={view.error} title={m('plans.notAvailable')} onRetry={() => void view.refetch()} />
      )}
      {v && plans.length === 0 && <p>{m('plans.none')}</p>}
      {v && plans.length > 0 && (
        <div className="plans-table-wrap">
          <table className="plans-table" data-testid="plans-table">
            <caption>{m('page.caption', { n: plans.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{m('col.date')}</th>
                <th scope="col">{m('col.agency')}</th>
                <th scope="col">{m('col.team')}</th>
                <th scope="col">{m('col.status')}</th>
                <th scope="col">{m('col.claims')}</th>
                <th scope="col">{m('col.open')}</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id} data-plan={p.id}>
                  <td data-label={m('col.date')}>{dateVn(p.visitDate)}</td>
                  <td data-label={m('col.agency')}>{p.agency.name}</td>
                  <td data-label={m('col.team')}>{p.team}</td>
                  <td data-label={m('col.status')} data-testid="plan-row-status">
                    {tx(p.statusLabel)}
                    {p.status === 'reschedule' && p.proposedDate
                      ? ` (${m('card.reschedule', { date: dateVn(p.proposedDate), reason: p.replyNote ?? '' })})`
                      : ''}
                  </td>
                  <td data-label={m('col.claims')}>{p.claims.map((c) => tx(c.label)).join('; ')}</td>
                  <td data-label={m('col.open')}>
                    <Link to={`/ky/${cycleId}/tham-dinh/${p.agency.id}#khao-sat`}>{p.agency.code}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
