/**
 * One field of the form: its label, unit, allowed range or options, help, the criteria it feeds,
 * and what is wrong with it — the type or range (checked as the user types), the server's refusal,
 * and the logic checks that involve it. Memoised: a keystroke re-renders only its own row.
 */

import { Input, Radio } from 'antd';
import { memo } from 'react';
import type { Field } from '../../../core/criteria/schema.ts';
import type { Finding } from '../../../core/types.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { fieldNumberVn } from '../../format.ts';
import { pick } from '../../i18n/messages.ts';
import { m } from './messages.ts';

export const fieldId = (key: string) => `field-${key}`;

function rangeText(f: Field): string | null {
  if (f.type !== 'integer' && f.type !== 'decimal') return null;
  if (f.min !== undefined && f.max !== undefined)
    return m('form.range', { min: fieldNumberVn(f, f.min), max: fieldNumberVn(f, f.max) });
  if (f.min !== undefined) return m('form.min', { min: fieldNumberVn(f, f.min) });
  return null;
}

export const FieldRow = memo(function FieldRow(props: {
  field: Field;
  text: string;
  error: string | undefined;
  findings: readonly Finding[];
  feeds: readonly string[];
  disabled: boolean;
  isGate?: boolean;
  onChange: (key: string, text: string) => void;
  extra?: React.ReactNode;
}) {
  const { field: f, text, error, findings, disabled, onChange } = props;
  const id = fieldId(f.key);
  const helpId = `${id}-help`;
  const errId = `${id}-error`;
  const unit = pick(f.unit);
  const range = rangeText(f);
  const invalid = Boolean(error) || findings.some((x) => x.severity === 'error');
  const describedBy = `${helpId} ${errId}`;
  const set = (v: string) => onChange(f.key, v);

  let control: React.ReactNode;
  switch (f.type) {
    case 'boolean':
      control = (
        <Radio.Group
          aria-labelledby={`${id}-label`}
          aria-describedby={describedBy}
          value={text === '' ? undefined : text}
          onChange={(e) => set(String(e.target.value))}
          disabled={disabled}
          optionType="button"
          options={[
            { value: 'true', label: m('form.yes') },
            { value: 'false', label: m('form.no') },
          ]}
        />
      );
      break;
    case 'enum':
      control = (
        // The browser's own list: keyboard and screen readers know it, and it costs the form's
        // download nothing (Ant Design's Select weighs about 24 KB gzip).
        <select
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          value={text}
          onChange={(e) => set(e.target.value)}
          disabled={disabled}
          className="reporter-select reporter-native-select"
        >
          <option value="">{m('form.choose')}</option>
          {(f.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {pick(o.label)}
            </option>
          ))}
        </select>
      );
      break;
    case 'date':
      control = (
        <DateInput
          id={id}
          describedBy={describedBy}
          invalid={invalid}
          value={text}
          onChange={set}
          disabled={disabled}
          className="reporter-input-date"
        />
      );
      break;
    case 'text':
      control = (
        <Input.TextArea
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          value={text}
          autoSize={{ minRows: 1, maxRows: 6 }}
          onChange={(e) => set(e.target.value)}
          disabled={disabled}
        />
      );
      break;
    default:
      control = (
        <Input
          id={id}
          inputMode={f.type === 'url' ? 'url' : f.type === 'integer' ? 'numeric' : 'decimal'}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          value={text}
          onChange={(e) => set(e.target.value)}
          disabled={disabled}
          status={invalid ? 'error' : undefined}
          suffix={unit ? <span className="reporter-unit">{unit}</span> : undefined}
          className={f.type === 'url' ? 'reporter-input-wide' : 'reporter-input-number'}
        />
      );
  }

  return (
    <div className={`reporter-field${invalid ? ' reporter-field-invalid' : ''}`} data-field={f.key}>
      <label id={`${id}-label`} htmlFor={f.type === 'boolean' ? undefined : id} className="reporter-label">
        {pick(f.label)}
        {f.required && <span className="reporter-required"> ({m('form.required')})</span>}
      </label>
      <div className="reporter-control">{control}</div>
      <div id={helpId} className="reporter-help">
        {[
          range,
          pick(f.help),
          props.isGate ? m('form.gate') : null,
          props.feeds.length > 1 ? m('form.feeds', { ids: props.feeds.join(', ') }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </div>
      <div id={errId} aria-live="polite" className="reporter-errors">
        {error && (
          <p className="reporter-error" data-testid="field-error">
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        )}
        {findings.map((x) => (
          <p
            key={x.ruleId}
            className={x.severity === 'error' ? 'reporter-error' : 'reporter-warning'}
            data-testid="field-finding"
          >
            <strong>{x.severity === 'error' ? m('check.error') : m('check.warning')}:</strong>{' '}
            {pick(x.message)}
          </p>
        ))}
      </div>
      {props.extra}
    </div>
  );
});
