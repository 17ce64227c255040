/**
 * Correcting one value of the agency (or setting a reviewer mark): the new official value and the
 * reason. The server decides what is valid (a reason is mandatory for a correction): its message
 * is shown next to the input it names.
 */
import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { dateVn } from '../../format.ts';
import type { ReviewContext } from './context.ts';
import { correctionText, correctionValue } from './correction.ts';
import { m } from './messages.ts';
import { type CorrectionBody, type FieldValue, reviewApi } from './reviewApi.ts';
import { fieldError, formError } from './serverError.ts';
import { pick } from './text.ts';
import { ErrorLine, FieldMessage } from './ui.tsx';

export function CorrectionForm(props: { ctx: ReviewContext; field: FieldValue; onDone: () => void }) {
  const { ctx, field } = props;
  const { message } = AntApp.useApp();
  const [text, setText] = useState(() => correctionText(field));
  const [reason, setReason] = useState('');
  const [surveyId, setSurveyId] = useState('');
  const base = `sua-${field.key}`;
  const save = useMutation({
    mutationFn: (value: CorrectionBody['value']) =>
      reviewApi.correct(ctx.cycleId, ctx.agencyId, field.key, {
        value,
        reason: reason.trim() || null,
        surveyId: surveyId || null,
      }),
    onSuccess: async () => {
      void message.success(m('fix.saved', { label: pick(field.label) }));
      await ctx.refresh();
      props.onDone();
    },
  });
  const valueError = fieldError(save.error, 'value');
  const reasonError = fieldError(save.error, 'reason');
  const reviewer = field.source === 'reviewer';
  const restorable = field.history.length > 0;

  return (
    <form
      className="review-fix"
      aria-label={m('fix.title', { label: pick(field.label) })}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(correctionValue(field, text));
      }}
    >
      <div className="review-fix-row">
        <ValueInput
          field={field}
          id={`${base}-value`}
          text={text}
          onChange={setText}
          invalid={!!valueError}
        />
        <FieldMessage id={`${base}-value-error`} message={valueError} />
      </div>
      <div className="review-fix-row">
        <label htmlFor={`${base}-reason`}>{reviewer ? m('fix.reasonOptional') : m('fix.reason')}</label>
        <Input.TextArea
          id={`${base}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${base}-reason-error` : undefined}
        />
        <FieldMessage id={`${base}-reason-error`} message={reasonError} />
      </div>
      {ctx.data.surveys.length > 0 && (
        <div className="review-fix-row">
          <label htmlFor={`${base}-survey`}>{m('fix.survey')}</label>
          <select id={`${base}-survey`} value={surveyId} onChange={(e) => setSurveyId(e.target.value)}>
            <option value="">{m('fix.noSurvey')}</option>
            {ctx.data.surveys.map((s) => (
              <option key={s.id} value={s.id}>
                {m('s.heading', { date: dateVn(s.surveyDate) })}
              </option>
            ))}
          </select>
        </div>
      )}
      <ErrorLine error={formError(save.error, ['value', 'reason'])} />
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {m('fix.save')}
        </Button>
        {restorable && (
          <Button onClick={() => save.mutate(null)} disabled={save.isPending}>
            {m('fix.restore')}
          </Button>
        )}
        <Button onClick={props.onDone}>{m('cancel')}</Button>
      </Space>
    </form>
  );
}

function ValueInput(props: {
  field: FieldValue;
  id: string;
  text: string;
  onChange: (text: string) => void;
  invalid: boolean;
}) {
  const { field, id } = props;
  const unit = field.unit ? ` (${pick(field.unit)})` : '';
  const common = {
    id,
    'aria-invalid': props.invalid ? true : undefined,
    'aria-describedby': props.invalid ? `${id}-error` : undefined,
  } as const;
  if (field.type === 'boolean')
    return (
      <fieldset className="review-radios" {...common} id={undefined}>
        <legend>{m('fix.value')}</legend>
        {(['true', 'false'] as const).map((v) => (
          <label key={v}>
            <input
              type="radio"
              name={id}
              value={v}
              checked={props.text === v}
              onChange={() => props.onChange(v)}
            />{' '}
            {v === 'true' ? m('val.yes') : m('val.no')}
          </label>
        ))}
      </fieldset>
    );
  return (
    <>
      <label htmlFor={id}>
        {m('fix.value')}
        {unit}
      </label>
      {field.type === 'enum' ? (
        <select {...common} value={props.text} onChange={(e) => props.onChange(e.target.value)}>
          <option value="">{m('fix.choose')}</option>
          {(field.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {pick(o.label)}
            </option>
          ))}
        </select>
      ) : (
        <Input
          {...common}
          type={field.type === 'date' ? 'date' : 'text'}
          inputMode={field.type === 'integer' || field.type === 'decimal' ? 'decimal' : undefined}
          value={props.text}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </>
  );
}
