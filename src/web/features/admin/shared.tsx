/**
 * What the administrator's screens share: Vietnamese texts of the server, the server's errors put
 * beside the field they concern, and a button that asks before doing something that cannot be
 * undone. (Dates typed as Vietnam calendar days: vnDays.ts; group names: registry.ts.)
 */
import { Alert, Button, type ButtonProps, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../api.ts';
import { m } from './messages.ts';

export { pick } from '../../i18n/messages.ts';

/**
 * Shows a server error where the user looks: beside the field it names when the form has that
 * field (the form's own names may differ from the server's, hence `aliases`), otherwise returns
 * the message for an alert above the form.
 */
export function fieldError(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  aliases: Record<string, string> = {},
): string | null {
  const message = error instanceof Error ? error.message : m('error.unknown');
  if (error instanceof ApiError && error.field) {
    const name = aliases[error.field] ?? error.field;
    if (fields.includes(name)) {
      form.setFields([{ name, errors: [message] }]);
      return null;
    }
  }
  return message;
}

/** An alert that screen readers announce, for an error that belongs to no single field. */
export function FormError(props: { message: string | null; title?: string }) {
  if (!props.message) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={props.title ?? m('error.title')}
      description={props.message}
      style={{ marginBottom: 16 }}
    />
  );
}

/**
 * A button that first says what will happen and asks for confirmation. The action's own error is
 * shown in the dialog, which stays open so that the user can read it.
 */
export function ConfirmButton(props: {
  label: string;
  title: string;
  description: ReactNode;
  okLabel: string;
  onConfirm: () => Promise<unknown>;
  danger?: boolean;
  disabled?: boolean;
  buttonProps?: ButtonProps;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onConfirm();
      setOpen(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : m('error.unknown'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        danger={props.danger}
        disabled={props.disabled}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
        {...props.buttonProps}
      >
        {props.label}
      </Button>
      <Modal
        rootClassName="admin-modal"
        open={open}
        title={props.title}
        okText={props.okLabel}
        cancelText={m('common.cancel')}
        okButtonProps={{ danger: props.danger, loading: busy }}
        onOk={() => void confirm()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <div>{props.description}</div>
        <FormError message={error} />
      </Modal>
    </>
  );
}

/**
 * A wide table's own scrolling box: the page never scrolls sideways, and keyboard users reach
 * the hidden columns by focusing the box and using the arrow keys.
 */
export function ScrollBox(props: { label: string; children: ReactNode; minWidth?: number }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable to scroll by keyboard (WCAG 2.1.1)
    <section className="admin-scroll" aria-label={props.label} tabIndex={0}>
      <div style={{ minWidth: props.minWidth ?? 0 }}>{props.children}</div>
    </section>
  );
}

/** A table's empty or loading text, dark enough to read (the component's own grey is too light). */
export const emptyText = (text: string) => ({ emptyText: <span className="admin-empty">{text}</span> });
