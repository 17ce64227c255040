/**
 * The department plans a visit: the date, the team, the purpose, and the figures to verify —
 * those the system proposes by risk first (each with why, the why editable), then any other
 * figure the agency reports. The server checks everything again and names the field it refuses.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Input, InputNumber } from 'antd';
import { useId, useState } from 'react';
import { refusalOf } from '../../api.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { pick as tx } from '../../i18n/messages.ts';
import { m } from './messages.ts';
import { surveysApi } from './surveysApi.ts';

export function PlanForm(props: {
  cycleId: string;
  agencyId: string;
  /** Every figure the agency reports, for a claim the system does not propose. */
  fields: readonly { key: string; label: { vi: string; en?: string } }[];
  onDone: () => Promise<void>;
}) {
  const id = useId();
  // The risk rules the proposals follow: the server's defaults until the assessor changes them.
  const [rules, setRules] = useState<{ gap: number; jump: number } | undefined>();
  const [gapText, setGapText] = useState<number | null>(null);
  const [jumpText, setJumpText] = useState<number | null>(null);
  const proposals = useQuery({
    queryKey: ['survey-proposals', props.cycleId, props.agencyId, rules],
    queryFn: () => surveysApi.proposals(props.cycleId, props.agencyId, rules),
    placeholderData: keepPreviousData,
  });
  const shownRules = proposals.data?.rules;
  const [date, setDate] = useState('');
  const [team, setTeam] = useState('');
  const [purpose, setPurpose] = useState('');
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [extra, setExtra] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [done, setDone] = useState(false);
  const proposed = proposals.data?.claims ?? [];
  const others = props.fields.filter((f) => !proposed.some((p) => p.fieldKey === f.key));

  const toggle = (key: string, on: boolean, why: string) => {
    const next = { ...chosen };
    if (on) next[key] = why;
    else delete next[key];
    setChosen(next);
  };

  const send = async () => {
    setError(null);
    setDone(false);
    const visitDate = date;
    if (!visitDate) return setError({ message: m('form.badDate'), field: 'visitDate' });
    const claims = Object.entries(chosen).map(([fieldKey, why]) => ({ fieldKey, why }));
    if (!claims.length) return setError({ message: m('form.needClaim'), field: 'claims' });
    setBusy(true);
    try {
      await surveysApi.plan(props.cycleId, props.agencyId, { visitDate, team, purpose, claims });
      setDone(true);
      setDate('');
      setTeam('');
      setPurpose('');
      setChosen({});
      await props.onDone();
    } catch (e) {
      setError(refusalOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="plan-form"
      data-testid="plan-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <h3 id={`${id}-h`} className="plan-card-title">
        {m('form.title')}
      </h3>
      <p className="plan-muted">{m('form.intro')}</p>
      <div className="plan-field">
        <label htmlFor={`${id}-date`}>{m('form.date')}</label>
        <DateInput id={`${id}-date`} value={date} onChange={setDate} invalid={error?.field === 'visitDate'} />
      </div>
      <div className="plan-field">
        <label htmlFor={`${id}-team`}>{m('form.team')}</label>
        <Input id={`${id}-team`} value={team} onChange={(e) => setTeam(e.target.value)} maxLength={500} />
      </div>
      <div className="plan-field">
        <label htmlFor={`${id}-purpose`}>{m('form.purpose')}</label>
        <Input.TextArea
          id={`${id}-purpose`}
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          rows={2}
          maxLength={2000}
        />
      </div>
      <fieldset className="plan-field plan-rules" data-testid="plan-rules">
        <legend>{m('rules.legend')}</legend>
        <div className="plan-inline">
          <label htmlFor={`${id}-gap`}>{m('rules.gap')}</label>
          <InputNumber
            id={`${id}-gap`}
            min={5}
            max={100}
            precision={0}
            value={gapText ?? shownRules?.gap ?? null}
            onChange={(v) => setGapText(v)}
          />
        </div>
        <div className="plan-inline">
          <label htmlFor={`${id}-jump`}>{m('rules.jump')}</label>
          <InputNumber
            id={`${id}-jump`}
            min={10}
            max={1000}
            precision={0}
            value={jumpText ?? shownRules?.jump ?? null}
            onChange={(v) => setJumpText(v)}
          />
        </div>
        <p className="plan-muted">{m('rules.help')}</p>
        <Button
          onClick={() =>
            setRules({ gap: gapText ?? shownRules?.gap ?? 25, jump: jumpText ?? shownRules?.jump ?? 50 })
          }
          loading={proposals.isFetching}
          data-testid="rules-apply"
        >
          {m('rules.apply')}
        </Button>
      </fieldset>
      <fieldset className="plan-field" data-testid="plan-claims">
        <legend>{m('form.claims')}</legend>
        {proposals.isPending && <p>{m('form.proposalsLoading')}</p>}
        {proposals.isError && (
          <Alert type="error" showIcon role="alert" title={refusalOf(proposals.error).message} />
        )}
        {proposals.isSuccess && proposed.length === 0 && <p>{m('form.noProposals')}</p>}
        {proposed.map((p) => {
          const why = p.reasons.map((r) => r.text).join('; ');
          const on = p.fieldKey in chosen;
          return (
            <div key={p.fieldKey} className="plan-claim" data-field={p.fieldKey}>
              <Checkbox checked={on} onChange={(e) => toggle(p.fieldKey, e.target.checked, why)}>
                <strong>{tx(p.label)}</strong> ({tx(p.currentShown)})
              </Checkbox>
              <ul className="plan-reasons">
                {p.reasons.map((r) => (
                  <li key={r.text}>{r.text}</li>
                ))}
              </ul>
              {on && (
                <Input
                  aria-label={m('form.why', { label: tx(p.label) })}
                  value={chosen[p.fieldKey]}
                  onChange={(e) => setChosen({ ...chosen, [p.fieldKey]: e.target.value })}
                  maxLength={1000}
                />
              )}
            </div>
          );
        })}
        {others.length > 0 && (
          <div className="plan-field">
            <label htmlFor={`${id}-extra`}>{m('form.claims')} (+)</label>
            <select
              id={`${id}-extra`}
              className="plan-select"
              value={extra}
              onChange={(e) => {
                const key = e.target.value;
                setExtra('');
                if (key) toggle(key, true, '');
              }}
            >
              <option value="">—</option>
              {others
                .filter((f) => !(f.key in chosen))
                .map((f) => (
                  <option key={f.key} value={f.key}>
                    {tx(f.label)}
                  </option>
                ))}
            </select>
          </div>
        )}
        {others
          .filter((f) => f.key in chosen)
          .map((f) => (
            <div key={f.key} className="plan-claim" data-field={f.key}>
              <Checkbox checked onChange={() => toggle(f.key, false, '')}>
                <strong>{tx(f.label)}</strong>
              </Checkbox>
              <Input
                aria-label={m('form.why', { label: tx(f.label) })}
                value={chosen[f.key]}
                onChange={(e) => setChosen({ ...chosen, [f.key]: e.target.value })}
                maxLength={1000}
              />
            </div>
          ))}
      </fieldset>
      {error && <Alert type="error" showIcon role="alert" title={error.message} />}
      {done && <Alert type="success" showIcon role="status" title={m('form.done')} />}
      <Button type="primary" htmlType="submit" loading={busy}>
        {m('form.submit')}
      </Button>
    </form>
  );
}
