/**
 * A new feedback item: a difficulty or a proposal, about a criterion (picked by number or name
 * from the current criteria set), the form or the process, with its text and one optional file.
 * The server checks everything again and names the field it refuses.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Button, Radio, Select } from 'antd';
import { useId, useRef, useState } from 'react';
import { refusalOf } from '../../api.ts';
import { type FieldClasses, FileField, FormOutcome, TextAreaField } from '../../components/FormFields.tsx';
import { foldVn } from '../../format.ts';
import { type FeedbackView, feedbackApi, type RaiseBody } from './feedbackApi.ts';
import { m } from './messages.ts';

const CLASSES: FieldClasses = { field: 'feedback-field', help: 'feedback-help' };

export function RaiseForm(props: { criteria: FeedbackView['criteria'] }) {
  const id = useId();
  const client = useQueryClient();
  const [kind, setKind] = useState<RaiseBody['kind']>('difficulty');
  const [subject, setSubject] = useState<RaiseBody['subject']>(props.criteria ? 'criterion' : 'form');
  const [criterionId, setCriterionId] = useState<string | undefined>(undefined);
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [done, setDone] = useState<{ message: string; warning?: string } | null>(null);

  const send = async () => {
    setError(null);
    setDone(null);
    if (subject === 'criterion' && !criterionId)
      return setError({ message: m('form.needCriterion'), field: 'criterionId' });
    if (!text.trim()) return setError({ message: m('form.needText'), field: 'text' });
    setBusy(true);
    try {
      const item = await feedbackApi.raise({
        kind,
        subject,
        ...(subject === 'criterion' && criterionId ? { criterionId } : {}),
        text: text.trim().normalize('NFC'),
      });
      let warning: string | undefined;
      if (file) {
        try {
          await feedbackApi.attach(item.id, file);
        } catch (e) {
          warning = m('form.fileFailed', { message: refusalOf(e).message });
        }
      }
      setDone({ message: m('form.done'), ...(warning && { warning }) });
      setText('');
      setFile(null);
      setCriterionId(undefined);
      if (fileInput.current) fileInput.current.value = '';
      await client.invalidateQueries({ queryKey: ['feedback'] });
    } catch (e) {
      setError(refusalOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="raise-h" className="feedback-section">
      <h2 id="raise-h" className="feedback-sub">
        {m('form.title')}
      </h2>
      <form
        className="feedback-form"
        data-testid="raise-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <fieldset className="feedback-field">
          <legend>{m('form.kind')}</legend>
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as RaiseBody['kind'])}>
            <Radio value="difficulty">{m('form.kind.difficulty')}</Radio>
            <Radio value="proposal">{m('form.kind.proposal')}</Radio>
          </Radio.Group>
        </fieldset>
        <fieldset className="feedback-field">
          <legend>{m('form.subject')}</legend>
          <Radio.Group value={subject} onChange={(e) => setSubject(e.target.value as RaiseBody['subject'])}>
            {props.criteria && <Radio value="criterion">{m('form.subject.criterion')}</Radio>}
            <Radio value="form">{m('form.subject.form')}</Radio>
            <Radio value="process">{m('form.subject.process')}</Radio>
          </Radio.Group>
        </fieldset>
        {subject === 'criterion' && props.criteria && (
          <div className="feedback-field">
            <label htmlFor={`${id}-criterion`}>
              {m('form.criterion')}
              <span aria-hidden="true"> *</span>
            </label>
            <Select
              id={`${id}-criterion`}
              aria-label={m('form.criterion')}
              className="feedback-select"
              showSearch={{
                filterOption: (input, option) => foldVn(String(option?.label ?? '')).includes(foldVn(input)),
              }}
              placeholder={m('form.criterionPick')}
              value={criterionId}
              onChange={(v: string) => setCriterionId(v)}
              options={props.criteria.options.map((c) => ({ value: c.id, label: `${c.id}. ${c.name}` }))}
              aria-required
              aria-invalid={error?.field === 'criterionId'}
              aria-describedby={`${id}-criterion-help`}
              status={error?.field === 'criterionId' ? 'error' : undefined}
            />
            <div id={`${id}-criterion-help`} className="feedback-help">
              {m('form.criterionHelp', { version: props.criteria.version.label })}
            </div>
          </div>
        )}
        <TextAreaField
          id={`${id}-text`}
          label={m('form.text')}
          help={m('form.textHelp')}
          value={text}
          onChange={setText}
          classes={CLASSES}
          required
          invalid={error?.field === 'text'}
        />
        <FileField
          id={`${id}-file`}
          label={m('form.file')}
          help={m('form.fileHelp')}
          onChange={setFile}
          inputRef={fileInput}
          classes={CLASSES}
        />
        <FormOutcome error={error} done={done} />
        <Button type="primary" htmlType="submit" loading={busy}>
          {m('form.submit')}
        </Button>
      </form>
    </section>
  );
}
