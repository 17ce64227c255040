/**
 * On the day, the findings per planned figure: matches, or differs with the value observed (a
 * number, a choice, yes/no, as the field is); saved as the survey record of the agency.
 */
import { Alert, Button, Input, Radio } from 'antd';
import { type ReactNode, useId, useState } from 'react';
import { refusalOf } from '../../api.ts';
import { pick as tx } from '../../i18n/messages.ts';
import { m } from './messages.ts';
import { type FindingsBody, type PlanClaimView, type PlanView, surveysApi } from './surveysApi.ts';

/** What was typed as the field's value: a number for numbers, true/false for yes/no. */
function typedValue(c: PlanClaimView, typed: string): unknown {
  if (typed === '') return undefined;
  if (c.type === 'integer' || c.type === 'decimal') {
    const n = Number(typed.replace(/\./g, '').replace(',', '.'));
    return Number.isFinite(n) ? n : typed;
  }
  if (c.type === 'boolean') return typed === 'true';
  return typed;
}

export function FindingsForm(props: { cycleId: string; plan: PlanView; onDone: () => Promise<void> }) {
  const id = useId();
  const [outcome, setOutcome] = useState<Record<string, 'confirmed' | 'differs'>>({});
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async () => {
    setError(null);
    if (props.plan.claims.some((c) => !outcome[c.fieldKey])) return setError(m('find.needAll'));
    const claims: FindingsBody['claims'] = props.plan.claims.map((c) => {
      const o = outcome[c.fieldKey]!;
      const observed = o === 'differs' ? typedValue(c, typed[c.fieldKey] ?? '') : undefined;
      return {
        fieldKey: c.fieldKey,
        outcome: o,
        ...(observed !== undefined ? { observed: observed as string | number | boolean } : {}),
      };
    });
    setBusy(true);
    try {
      await surveysApi.findings(props.cycleId, props.plan.id, { claims, ...(note.trim() ? { note } : {}) });
      await props.onDone();
    } catch (e) {
      setError(refusalOf(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="plan-subform"
      data-testid="findings-form"
      aria-label={m('find.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <p className="plan-sub">{m('find.title')}</p>
      {props.plan.claims.map((c) => {
        const label = tx(c.label);
        const fid = `${id}-${c.fieldKey}`;
        let control: ReactNode;
        if (c.type === 'boolean' || c.options)
          control = (
            <select
              id={fid}
              className="plan-select"
              value={typed[c.fieldKey] ?? ''}
              onChange={(e) => setTyped({ ...typed, [c.fieldKey]: e.target.value })}
            >
              <option value="">—</option>
              {c.options
                ? c.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {tx(o.label)}
                    </option>
                  ))
                : [
                    <option key="t" value="true">
                      có
                    </option>,
                    <option key="f" value="false">
                      không
                    </option>,
                  ]}
            </select>
          );
        else
          control = (
            <Input
              id={fid}
              inputMode={c.type === 'integer' || c.type === 'decimal' ? 'decimal' : undefined}
              value={typed[c.fieldKey] ?? ''}
              onChange={(e) => setTyped({ ...typed, [c.fieldKey]: e.target.value })}
              suffix={c.unit ? tx(c.unit) : undefined}
            />
          );
        return (
          <fieldset key={c.fieldKey} className="plan-field" data-field={c.fieldKey}>
            <legend>{m('find.outcome', { label })}</legend>
            <Radio.Group
              value={outcome[c.fieldKey]}
              onChange={(e) =>
                setOutcome({ ...outcome, [c.fieldKey]: e.target.value as 'confirmed' | 'differs' })
              }
            >
              <Radio value="confirmed">{m('find.same')}</Radio>
              <Radio value="differs">{m('find.differs')}</Radio>
            </Radio.Group>
            <div className="plan-muted">{m('card.now', { value: tx(c.currentShown) })}</div>
            {outcome[c.fieldKey] === 'differs' && (
              <div className="plan-field">
                <label htmlFor={fid}>{m('find.observed', { label })}</label>
                {control}
              </div>
            )}
          </fieldset>
        );
      })}
      <div className="plan-field">
        <label htmlFor={`${id}-note`}>{m('find.note')}</label>
        <Input.TextArea
          id={`${id}-note`}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={2}
          maxLength={4000}
        />
      </div>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      <Button type="primary" htmlType="submit" loading={busy}>
        {m('find.submit')}
      </Button>
    </form>
  );
}
