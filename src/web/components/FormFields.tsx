/**
 * The fields the appeal and feedback forms share: a text to write with its label, help and error
 * state, and a file to attach with its help. Each feature keeps its own look through `classes`.
 */
import { Alert, Input } from 'antd';
import type { Ref } from 'react';

export interface FieldClasses {
  /** The wrapper of label, control and help. */
  readonly field: string;
  readonly help: string;
}

/** The kinds of file an agency attaches as evidence (the server checks the content itself). */
export const ATTACHMENT_TYPES = '.pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg';

export function TextAreaField(props: {
  id: string;
  label: string;
  help: string;
  value: string;
  onChange: (value: string) => void;
  classes: FieldClasses;
  required?: boolean;
  invalid?: boolean;
  rows?: number;
  maxLength?: number;
}) {
  const helpId = `${props.id}-help`;
  return (
    <div className={props.classes.field}>
      <label htmlFor={props.id}>
        {props.label}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      <Input.TextArea
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        rows={props.rows ?? 4}
        maxLength={props.maxLength ?? 4000}
        aria-required={props.required}
        aria-invalid={props.invalid ?? false}
        aria-describedby={helpId}
        status={props.invalid ? 'error' : undefined}
      />
      <div id={helpId} className={props.classes.help}>
        {props.help}
      </div>
    </div>
  );
}

export function FileField(props: {
  id: string;
  label: string;
  help: string;
  onChange: (file: File | null) => void;
  classes: FieldClasses;
  inputRef?: Ref<HTMLInputElement>;
  accept?: string;
}) {
  const helpId = `${props.id}-help`;
  return (
    <div className={props.classes.field}>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        ref={props.inputRef}
        type="file"
        accept={props.accept ?? ATTACHMENT_TYPES}
        aria-describedby={helpId}
        onChange={(e) => props.onChange(e.target.files?.[0] ?? null)}
      />
      <div id={helpId} className={props.classes.help}>
        {props.help}
      </div>
    </div>
  );
}

/**
 * What a form with a file says after sending: the refusal, or that it was sent — as a warning
 * when the text went but the file did not.
 */
export function FormOutcome(props: {
  error: { message: string } | null;
  done: { message: string; warning?: string | null } | null;
}) {
  const { error, done } = props;
  return (
    <>
      {error && <Alert type="error" showIcon role="alert" title={error.message} />}
      {done && (
        <Alert
          type={done.warning ? 'warning' : 'success'}
          showIcon
          role="status"
          title={done.message}
          description={done.warning}
        />
      )}
    </>
  );
}
