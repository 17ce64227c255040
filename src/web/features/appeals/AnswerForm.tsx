/**
 * The department's answer to one appeal: upheld with the corrected values of the criterion's
 * fields (written as the review's audited correction, the answer its reason), or rejected with
 * the reason. The server checks every value again and names the field it refuses.
 */
import { Alert, Button, Input, Radio } from 'antd';
import { useId, useState } from 'react';
import { refusalOf } from '../../api.ts';
import { pick as tx } from '../../i18n/messages.ts';
import { parseNumberInput } from '../../numberInput.ts';
import { type AnswerBody, type AppealView, appealsApi } from './appealsApi.ts';
import { m } from './messages.ts';

type Decision = AnswerBody['decision'];

/** The corrections as the server takes them, or the first problem in words. */
export function correctionsOf(
  fields: AppealView['fields'],
  typed: Readonly<Record<string, string>>,
): { corrections: NonNullable<AnswerBody['corrections']> } | { problem: string } {
  const corrections: NonNullable<AnswerBody['corrections']> = [];
  for (const f of fields) {
    const raw = (typed[f.key] ?? '').trim();
    if (!raw) continue;
    if (f.type === 'boolean') corrections.push({ fieldKey: f.key, value: raw === 'true' });
    else if (f.type === 'integer' || f.type === 'decimal') {
      const n = parseNumberInput(raw);
      if (n === null) return { problem: m('answer.badNumber', { label: tx(f.label) }) };
      corrections.push({ fieldKey: f.key, value: n });
    } else corrections.push({ fieldKey: f.key, value: raw.normalize('NFC') });
  }
  if (corrections.length === 0) return { problem: m('answer.needField') };
  return { corrections };
}

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
          {appeal.fields.map((f) => (
            <div key={f.key} className="appeal-field" data-field={f.key}>
              <label htmlFor={`${id}-${f.key}`}>{tx(f.label)}</label>
              {f.type === 'boolean' ? (
                <select
                  id={`${id}-${f.key}`}
                  className="appeal-select"
                  value={typed[f.key] ?? ''}
                  onChange={(e) => setTyped({ ...typed, [f.key]: e.target.value })}
                >
                  <option value="">{m('answer.unset')}</option>
                  <option value="true">{m('answer.yes')}</option>
                  <option value="false">{m('answer.no')}</option>
                </select>
              ) : (
                <Input
                  id={`${id}-${f.key}`}
                  inputMode={f.type === 'integer' || f.type === 'decimal' ? 'decimal' : undefined}
                  value={typed[f.key] ?? ''}
                  onChange={(e) => setTyped({ ...typed, [f.key]: e.target.value })}
                  placeholder={m('answer.unset')}
                />
              )}
            </div>
          ))}
        </fieldset>
      )}
      <div className="appeal-field">
        <label htmlFor={`${id}-answer`}>
          {m('answer.text')}
          <span aria-hidden="true"> *</span>
        </label>
        <Input.TextArea
          id={`${id}-answer`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={3}
          maxLength={4000}
          aria-required
          aria-invalid={textError}
          aria-describedby={`${id}-answer-help`}
          status={textError ? 'error' : undefined}
        />
        <div id={`${id}-answer-help`} className="appeal-help">
          {m('answer.textHelp')}
        </div>
      </div>
      {error && <Alert type="error" showIcon role="alert" title={error.message} />}
      <Button type="primary" htmlType="submit" loading={busy}>
        {m('answer.submit')}
      </Button>
    </form>
  );
}
