/**
 * What a reporter reads above its agency's provisional result while the appeal period runs: that
 * the result is not published and may change, until when the agency may contest it, and where.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { Link } from '../../router.tsx';
import { PeriodSection } from './AppealsPage.tsx';
import { appealsApi } from './appealsApi.ts';
import { m } from './messages.ts';

export function ProvisionalNotice(props: { cycleId: string; agencyId: string }) {
  const { cycleId, agencyId } = props;
  // The same query as the agency's appeals below the result: one request for both.
  const view = useQuery({
    queryKey: ['appeals', cycleId, agencyId],
    queryFn: () => appealsApi.list(cycleId),
    retry: false,
  });
  return (
    <Alert
      className="results-banner"
      type="warning"
      showIcon
      data-testid="provisional-notice"
      title={m('notice.title')}
      description={
        <>
          <p>{m('notice.help')}</p>
          {view.data && <PeriodSection v={view.data} titled={false} />}
          <p className="no-print">
            <Link to={`/ky/${cycleId}/kien-nghi`}>{m('link.appeals')}</Link>
          </p>
        </>
      }
    />
  );
}
