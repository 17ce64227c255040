/**
 * The appeals of one agency on its result page (issue 12, item 3): the department reads and
 * answers them there beside the score they concern; the agency reads its own and the answers.
 * Nothing is shown when the agency made none.
 */
import { useQuery } from '@tanstack/react-query';
import type { User } from '../../api.ts';
import { Link } from '../../router.tsx';
import { AppealList } from './AppealsReviewPage.tsx';
import { appealsApi } from './appealsApi.ts';
import { m } from './messages.ts';
import './appeals.css';

const READERS: readonly User['role'][] = ['admin', 'assessor', 'approver', 'reporter'];

export function AgencyAppeals(props: { cycleId: string; agencyId: string; user: User; state: string }) {
  const { cycleId, agencyId, user } = props;
  const reporter = user.role === 'reporter';
  const enabled =
    READERS.includes(user.role) &&
    (props.state === 'approved' || props.state === 'published') &&
    (!reporter || user.agencyId === agencyId);
  const view = useQuery({
    queryKey: ['appeals', cycleId, reporter ? agencyId : `agency:${agencyId}`],
    queryFn: () => appealsApi.list(cycleId, reporter ? undefined : agencyId),
    enabled,
    retry: false,
  });
  const appeals = view.data?.appeals ?? [];
  if (!enabled || appeals.length === 0) return null;
  return (
    <section aria-labelledby="agency-appeals-h" className="appeals-section" data-testid="agency-appeals">
      <h2 id="agency-appeals-h" className="results-sub">
        {m('list.titleAgency')}
      </h2>
      <AppealList cycleId={cycleId} appeals={appeals} canAnswer={view.data?.canAnswer ?? false} />
      <p className="no-print">
        <Link to={reporter ? `/ky/${cycleId}/kien-nghi` : `/ky/${cycleId}/xu-ly-kien-nghi`}>
          {reporter ? m('link.appeals') : m('link.reviewAppeals', { n: view.data?.openCount ?? 0 })}
        </Link>
      </p>
    </section>
  );
}
