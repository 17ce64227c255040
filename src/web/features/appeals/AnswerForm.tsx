/**
 * The department's answer to one appeal: upheld with the corrected values of the criterion's
 * fields (written as the review's audited correction, the answer its reason), or rejected with
 * the reason. The server checks every value again and names the field it refuses.
 */
import { Alert, Button, Input, Radio } from 'antd';
import { type ReactNode, useId, useState } from 'react';
import { refusalOf } from '../../api.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { type FieldClasses, TextAreaField } from '../../components/FormFields.tsx';
import { pick as tx } from '../../i18n/messages.ts';
import { correctionsOf } from './answer.ts';
import { type AnswerBody, type AppealView, appealsApi } from './appealsApi.ts';
import { m } from './messages.ts';

const CLASSES: FieldClasses = { field: 'appeal-field', help: 'appeal-help' };

type Decision = AnswerBody['decision'];

export function AnswerForm(props: { cycleId: string; appeal: AppealView; onDone: (a: AppealView) => void }) {
  const { appeal, cycleId } = props;
  const id = useId();
  const [decision, setDecision] = useState<Decision>('rejected');
  const [text, setText] = useState('');
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const canUphold = appeal.fields.length > 0;

  const send = async () => {
    setError(null);
    const answer = text.trim();
    if (!answer) return setError({ message: m('answer.needText'), field: 'answer' });
    let body: AnswerBody = { decision, answer };
    if (decision === 'upheld') {
      const got = correctionsOf(appeal.fields, typed);
      if ('problem' in got) return setError({ message: got.problem, field: 'corrections' });
      body = { ...body, corrections: got.corrections };
    }
    setBusy(true);
    try {
      props.onDone(await appealsApi.answer(cycleId, appeal.id, body));
    } catch (e) {
      setError(refusalOf(e));
    } finally {
      setBusy(false);
    }
  };

  const textError = error?.field === 'answer';
  return (
    <form
      className="appeal-answer-form"
      aria-label={m('answer.title')}
      data-testid="answer-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <fieldset className="appeal-field">
        <legend>{m('answer.decision')}</legend>
        <Radio.Group value={decision} onChange={(e) => setDecision(e.target.value as Decision)}>
          {canUphold && <Radio value="upheld">{m('answer.upheld')}</Radio>}
          <Radio value="rejected">{m('answer.rejected')}</Radio>
        </Radio.Group>
      </fieldset>
      {decision === 'upheld' && (
        <fieldset className="appeal-field" data-testid="answer-fields">
          <legend>{m('answer.fields')}</legend>
          <p className="appeal-help">{m('answer.fieldsHelp')}</p>
          {appeal.fields.map((f) => {
            const fieldId = `${id}-${f.key}`;
            const set = (value: string) => setTyped({ ...typed, [f.key]: value });
            const value = typed[f.key] ?? '';
            let control: ReactNode;
            if (f.type === 'boolean' || f.options)
              control = (
                <select
                  id={fieldId}
                  className="appeal-select"
                  value={value}
                  onChange={(e) => set(e.target.value)}
                  aria-describedby={`${fieldId}-now`}
                >
                  <option value="">{m('answer.unset')}</option>
                  {f.options ? (
                    f.options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {tx(o.label)}
                      </option>
                    ))
                  ) : (
                    <>
                      <option value="true">{m('answer.yes')}</option>
                      <option value="false">{m('answer.no')}</option>
                    </>
                  )}
                </select>
              );
            else if (f.type === 'date')
              control = (
                <DateInput id={fieldId} value={value} onChange={set} describedBy={`${fieldId}-now`} />
              );
            else
              control = (
                <Input
                  id={fieldId}
                  inputMode={f.type === 'integer' || f.type === 'decimal' ? 'decimal' : undefined}
                  value={value}
                  onChange={(e) => set(e.target.value)}
                  placeholder={m('answer.unset')}
                  aria-describedby={`${fieldId}-now`}
                  suffix={f.unit ? tx(f.unit) : undefined}
                />
              );
            return (
              <div key={f.key} className="appeal-field" data-field={f.key}>
                <label htmlFor={fieldId}>{tx(f.label)}</label>
                {control}
                <div id={`${fieldId}-now`} className="appeal-help">
                  {m('answer.current', { value: tx(f.currentShown) })}
                </div>
              </div>
            );
          })}
        </fieldset>
      )}
      <TextAreaField
        id={`${id}-answer`}
        label={m('answer.text')}
        help={m('answer.textHelp')}
        value={text}
        onChange={setText}
        classes={CLASSES}
        required
        invalid={textError}
        rows={3}
      />
      {error && <Alert type="error" showIcon role="alert" title={error.message} />}
      <Button type="primary" htmlType="submit" loading={busy}>
        {m('answer.submit')}
      </Button>
    </form>
  );
}
