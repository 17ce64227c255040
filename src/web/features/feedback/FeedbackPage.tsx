/**
 * /gop-y — "Góp ý về quy định" for everyone signed in: raise a difficulty or a proposal about a
 * criterion, the form or the process, and read one's own items with the department's answers.
 */
import { useQuery } from '@tanstack/react-query';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { t } from '../../i18n/messages.ts';
import { Link } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { FeedbackCard } from './FeedbackCard.tsx';
import { feedbackApi } from './feedbackApi.ts';
import { m } from './messages.ts';
import { RaiseForm } from './RaiseForm.tsx';
import './feedback.css';

export default function FeedbackPage({ user }: ScreenProps) {
  const view = useQuery({
    queryKey: ['feedback', 'mine'],
    queryFn: () => feedbackApi.list('mine'),
    retry: false,
  });
  const v = view.data;
  const department = user.role === 'admin' || user.role === 'assessor' || user.role === 'approver';
  return (
    <div className="feedback-page">
      <PageHeader
        title={m('page.title')}
        crumbs={[{ label: t('app.home'), to: '/' }]}
        intro={<p>{m('page.intro')}</p>}
      />
      {department && (
        <p>
          <Link to="/gop-y/xu-ly">{m('page.toReview')}</Link>
        </p>
      )}
      {view.isPending && <Loading label={m('page.loading')} />}
      {view.isError && (
        <LoadError error={view.error} title={m('page.notAvailable')} onRetry={() => void view.refetch()} />
      )}
      {v && (
        <>
          <RaiseForm criteria={v.criteria} />
          <section aria-labelledby="mine-h" className="feedback-section">
            <h2 id="mine-h" className="feedback-sub">
              {m('list.mine', { n: v.items.length })}
            </h2>
            {v.items.length === 0 && <p>{m('list.none')}</p>}
            {v.items.map((i) => (
              <FeedbackCard key={i.id} item={i} />
            ))}
          </section>
        </>
      )}
    </div>
  );
}
