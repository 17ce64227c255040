/**
 * The confirmation every decision of the approver goes through: what will happen in plain words,
 * the note or reason the server records, and the server's own message when it refuses — next to
 * the field it names, announced to screen readers.
 */

import { Alert, Input, Modal } from 'antd';
import { useId, useState } from 'react';
import { refusalOf } from '../../api.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { m } from './messages.ts';

export interface DialogSpec {
  title: string;
  /** What happens if confirmed, in plain words (irreversibility included). */
  consequence: string;
  okText: string;
  danger?: boolean;
  /** A text the user writes: its label and help; `required` only marks it, the server decides. */
  text?: { label: string; help: string; required: boolean };
  /** The field the server names when it refuses the text (default: reason or note). */
  textField?: string;
  /** Asks for the decision that publishes the result (number, date, signer), printed on every document. */
  decision?: boolean;
  run: (text: string, decision?: DecisionInput) => Promise<unknown>;
}

/** The decision as the publish step sends it. */
export interface DecisionInput {
  number: string;
  date: string;
  signerName: string;
  signerTitle: string;
}

const EMPTY_DECISION: DecisionInput = { number: '', date: '', signerName: '', signerTitle: '' };
const DECISION_FIELDS = ['number', 'date', 'signerName', 'signerTitle'] as const;

export function ActionDialog(props: { spec: DialogSpec | null; onClose: () => void; onDone: () => void }) {
  const { spec } = props;
  const [text, setText] = useState('');
  const [decision, setDecision] = useState<DecisionInput>(EMPTY_DECISION);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const id = useId();
  const close = () => {
    setText('');
    setDecision(EMPTY_DECISION);
    setError(null);
    props.onClose();
  };
  const confirm = async () => {
    if (!spec) return;
    setBusy(true);
    setError(null);
    try {
      await spec.run(text.trim(), spec.decision ? decision : undefined);
      setText('');
      setDecision(EMPTY_DECISION);
      props.onDone();
    } catch (e) {
      setError(refusalOf(e));
    } finally {
      setBusy(false);
    }
  };
  const fieldError =
    error &&
    spec?.text &&
    (spec.textField ? error.field === spec.textField : error.field === 'reason' || error.field === 'note');
  const decisionError = error?.field?.startsWith('decision') ?? false;
  return (
    <Modal
      open={!!spec}
      title={spec?.title}
      okText={spec?.okText}
      cancelText={m('dialog.cancel')}
      okButtonProps={{ danger: spec?.danger ?? false, loading: busy }}
      onOk={() => void confirm()}
      onCancel={close}
      destroyOnHidden
    >
      {spec && (
        <>
          <p className="results-consequence">{spec.consequence}</p>
          {spec.decision && (
            <fieldset className="results-field">
              <legend className="results-pick-label">{m('decision.legend')}</legend>
              {DECISION_FIELDS.map((f) => (
                <div key={f} className="results-field">
                  <label htmlFor={`${id}-${f}`} className="results-pick-label">
                    {m(`decision.${f}`)}
                    <span aria-hidden="true"> *</span>
                  </label>
                  {f === 'date' ? (
                    <DateInput
                      id={`${id}-${f}`}
                      value={decision.date}
                      onChange={(date) => setDecision({ ...decision, date })}
                      required
                      invalid={decisionError && error?.field === `decision.${f}`}
                      describedBy={`${id}-${f}-help`}
                    />
                  ) : (
                    <Input
                      id={`${id}-${f}`}
                      value={decision[f]}
                      onChange={(e) => setDecision({ ...decision, [f]: e.target.value })}
                      maxLength={f === 'number' ? 60 : 120}
                      aria-required
                      aria-invalid={decisionError && error?.field === `decision.${f}`}
                      aria-describedby={`${id}-${f}-help`}
                    />
                  )}
                  <div id={`${id}-${f}-help`} className="results-muted">
                    {m(`decision.${f}Help`)}
                  </div>
                </div>
              ))}
            </fieldset>
          )}
          {spec.text && (
            <div className="results-field">
              <label htmlFor={`${id}-text`} className="results-pick-label">
                {spec.text.label}
                {spec.text.required && <span aria-hidden="true"> *</span>}
              </label>
              <Input.TextArea
                id={`${id}-text`}
                value={text}
                onChange={(e) => setText(e.target.value)}
                rows={3}
                maxLength={4000}
                aria-required={spec.text.required}
                aria-invalid={!!fieldError}
                aria-describedby={`${id}-help${fieldError ? ` ${id}-error` : ''}`}
                status={fieldError ? 'error' : undefined}
              />
              <div id={`${id}-help`} className="results-muted">
                {spec.text.help}
              </div>
              {fieldError && (
                <div id={`${id}-error`} role="alert" className="results-field-error">
                  {error.message}
                </div>
              )}
            </div>
          )}
          {error && !fieldError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={m('dialog.refused')}
              description={error.message}
            />
          )}
        </>
      )}
    </Modal>
  );
}
