/**
 * The planned visits of one agency inside the review page's survey section: each plan with its
 * status; moving its date when the agency asked; on the day the findings; once recorded, the
 * audited correction of each differing figure, citing the survey (the review's correction path).
 */

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useId, useState } from 'react';
import { refusalOf } from '../../api.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { dateVn } from '../../format.ts';
import { pick as tx } from '../../i18n/messages.ts';
import { Link } from '../../router.tsx';
import { FindingsForm } from './FindingsForm.tsx';
import { m } from './messages.ts';
import { PlanCard } from './PlanCard.tsx';
import { PlanForm } from './PlanForm.tsx';
import { type PlanView, surveysApi } from './surveysApi.ts';
import './surveys.css';

export function SurveyPlansPart(props: {
  cycleId: string;
  agencyId: string;
  canPlan: boolean;
  canCorrect: boolean;
  fields: readonly { key: string; label: { vi: string; en?: string }; source: string }[];
  refresh: () => Promise<void>;
}) {
  const client = useQueryClient();
  const plans = useQuery({
    queryKey: ['survey-plans', props.cycleId, props.agencyId],
    queryFn: () => surveysApi.plans(props.cycleId, props.agencyId),
  });
  const [done, setDone] = useState<string | null>(null);
  const reload = async (message?: string) => {
    if (message) setDone(message);
    await client.invalidateQueries({ queryKey: ['survey-plans', props.cycleId] });
    await client.invalidateQueries({ queryKey: ['survey-proposals', props.cycleId, props.agencyId] });
    await props.refresh();
  };
  return (
    <div className="plans-part" data-testid="survey-plans">
      <h3 className="plans-part-title">{m('plans.title')}</h3>
      <p>
        <Link to={`/ky/${props.cycleId}/khao-sat`}>{m('plans.all')}</Link>
      </p>
      {done && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={done}
          closable={{ onClose: () => setDone(null) }}
        />
      )}
      {plans.isSuccess && plans.data.plans.length === 0 && <p>{m('plans.none')}</p>}
      {plans.data?.plans.map((p) => (
        <PlanCard key={`${p.id}-${p.status}-${p.visitDate}`} plan={p} headingLevel={4}>
          {props.canPlan && p.status !== 'done' && (
            <MoveForm cycleId={props.cycleId} plan={p} onDone={() => reload()} />
          )}
          {props.canPlan && p.due && (
            <FindingsForm cycleId={props.cycleId} plan={p} onDone={() => reload(m('find.done'))} />
          )}
          {props.canCorrect && p.status === 'done' && p.surveyId && (
            <CorrectOffers cycleId={props.cycleId} agencyId={props.agencyId} plan={p} onDone={reload} />
          )}
        </PlanCard>
      ))}
      {props.canPlan && (
        <PlanForm
          cycleId={props.cycleId}
          agencyId={props.agencyId}
          fields={props.fields.filter((f) => f.source === 'agency')}
          onDone={() => reload()}
        />
      )}
    </div>
  );
}

function MoveForm(props: { cycleId: string; plan: PlanView; onDone: () => Promise<void> }) {
  const id = useId();
  const [date, setDate] = useState(props.plan.proposedDate ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    setError(null);
    const iso = date;
    if (!iso) return setError(m('form.badDate'));
    setBusy(true);
    try {
      await surveysApi.move(props.cycleId, props.plan.id, iso);
      await props.onDone();
    } catch (e) {
      setError(refusalOf(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="plan-inline"
      aria-label={m('move.submit')}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label htmlFor={`${id}-move`}>{m('move.label')}</label>
      <DateInput id={`${id}-move`} value={date} onChange={setDate} invalid={error !== null} />
      <Button htmlType="submit" loading={busy}>
        {m('move.submit')}
      </Button>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </form>
  );
}

function CorrectOffers(props: {
  cycleId: string;
  agencyId: string;
  plan: PlanView;
  onDone: (message?: string) => Promise<void>;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const pending = props.plan.claims.filter((c) => c.toCorrect);
  if (!pending.length) return null;
  return (
    <div className="plan-subform" data-testid="survey-corrections">
      <p>{m('fix.offer')}</p>
      {pending.map((c) => {
        const label = tx(c.label);
        return (
          <Button
            key={c.fieldKey}
            loading={busy === c.fieldKey}
            onClick={async () => {
              setError(null);
              setBusy(c.fieldKey);
              try {
                await surveysApi.correct(
                  props.cycleId,
                  props.agencyId,
                  c.fieldKey,
                  c.observed,
                  props.plan.surveyId!,
                  m('fix.reason', { date: dateVn(props.plan.visitDate) }),
                );
                await props.onDone(m('fix.done', { label }));
              } catch (e) {
                setError(refusalOf(e).message);
              } finally {
                setBusy(null);
              }
            }}
          >
            {m('fix.button', { label, value: tx(c.observedShown) })}
          </Button>
        );
      })}
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </div>
  );
}
