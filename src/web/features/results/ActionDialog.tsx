/**
 * The confirmation every decision of the approver goes through: what will happen in plain words,
 * the note or reason the server records, and the server's own message when it refuses — next to
 * the field it names, announced to screen readers.
 */
import { Alert, Input, Modal } from 'antd';
import { useId, useState } from 'react';
import { ApiError } from '../../api.ts';
import { m } from './messages.ts';

export interface DialogSpec {
  title: string;
  /** What happens if confirmed, in plain words (irreversibility included). */
  consequence: string;
  okText: string;
  danger?: boolean;
  /** A text the user writes: its label and help; `required` only marks it, the server decides. */
  text?: { label: string; help: string; required: boolean };
  run: (text: string) => Promise<unknown>;
}

export function ActionDialog(props: { spec: DialogSpec | null; onClose: () => void; onDone: () => void }) {
  const { spec } = props;
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const id = useId();
  const close = () => {
    setText('');
    setError(null);
    props.onClose();
  };
  const confirm = async () => {
    if (!spec) return;
    setBusy(true);
    setError(null);
    try {
      await spec.run(text.trim());
      setText('');
      props.onDone();
    } catch (e) {
      setError(
        e instanceof ApiError
          ? { message: e.message, ...(e.field && { field: e.field }) }
          : { message: e instanceof Error ? e.message : String(e) },
      );
    } finally {
      setBusy(false);
    }
  };
  const fieldError = error && spec?.text && (error.field === 'reason' || error.field === 'note');
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
