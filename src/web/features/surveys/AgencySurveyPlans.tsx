/**
 * On the reporter's home: the field surveys the department planned at the agency in a cycle, each
 * with its date, team, purpose and the figures it will verify; the reporter confirms the date or
 * asks for another with a reason.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input } from 'antd';
import { useId, useState } from 'react';
import { refusalOf } from '../../api.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { m } from './messages.ts';
import { PlanCard } from './PlanCard.tsx';
import { type PlanView, surveysApi } from './surveysApi.ts';
import './surveys.css';

export function AgencySurveyPlans(props: { cycleId: string }) {
  const plans = useQuery({
    queryKey: ['survey-plans', props.cycleId, 'mine'],
    queryFn: () => surveysApi.plans(props.cycleId),
  });
  const [said, setSaid] = useState<string | null>(null);
  const open = (plans.data?.plans ?? []).filter((p) => p.status !== 'done');
  if (!open.length) return null;
  return (
    <section
      className="reporter-card reporter-plans"
      aria-labelledby="home-surveys"
      data-testid="home-surveys"
    >
      <h2 id="home-surveys">{m('home.title')}</h2>
      {said && <Alert type="success" showIcon role="status" title={said} />}
      {open.map((p) => (
        <PlanCard key={`${p.id}-${p.status}-${p.visitDate}`} plan={p}>
          <ReplyForm cycleId={props.cycleId} plan={p} onSaid={setSaid} />
        </PlanCard>
      ))}
    </section>
  );
}

function ReplyForm(props: { cycleId: string; plan: PlanView; onSaid: (s: string | null) => void }) {
  const id = useId();
  const client = useQueryClient();
  const [other, setOther] = useState(false);
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const reply = async (accept: boolean) => {
    setError(null);
    props.onSaid(null);
    let body: Parameters<typeof surveysApi.reply>[2] = { accept: true };
    if (!accept) {
      const proposedDate = date;
      if (!proposedDate) return setError({ message: m('form.badDate'), field: 'proposedDate' });
      body = { accept: false, proposedDate, reason };
    }
    setBusy(true);
    try {
      await surveysApi.reply(props.cycleId, props.plan.id, body);
      props.onSaid(accept ? m('home.confirmed') : m('home.asked'));
      setOther(false);
      await client.invalidateQueries({ queryKey: ['survey-plans', props.cycleId] });
    } catch (e) {
      setError(refusalOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="plan-subform" data-testid="plan-reply">
      {props.plan.status !== 'confirmed' && (
        <Button type="primary" loading={busy && !other} onClick={() => void reply(true)}>
          {m('home.accept')}
        </Button>
      )}{' '}
      {!other && <Button onClick={() => setOther(true)}>{m('home.other')}</Button>}
      {other && (
        <form
          aria-label={m('home.other')}
          onSubmit={(e) => {
            e.preventDefault();
            void reply(false);
          }}
        >
          <div className="plan-field">
            <label htmlFor={`${id}-date`}>{m('home.otherDate')}</label>
            <DateInput
              id={`${id}-date`}
              value={date}
              onChange={setDate}
              invalid={error?.field === 'proposedDate'}
            />
          </div>
          <div className="plan-field">
            <label htmlFor={`${id}-reason`}>{m('home.reason')}</label>
            <Input.TextArea
              id={`${id}-reason`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={2}
              maxLength={1000}
              aria-invalid={error?.field === 'reason'}
            />
          </div>
          <Button htmlType="submit" loading={busy}>
            {m('home.sendOther')}
          </Button>
        </form>
      )}
      {error && <Alert type="error" showIcon role="alert" title={error.message} />}
    </div>
  );
}
