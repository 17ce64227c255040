/**
 * The department's answer to one item — answered, taken into the next version (naming it once
 * loaded), or declined — sent with the revision it was written against; and the item's topic,
 * picked from the topics in use or typed new.
 */
import { Alert, AutoComplete, Button, Radio } from 'antd';
import { useId, useState } from 'react';
import { refusalOf } from '../../api.ts';
import { type FieldClasses, TextAreaField } from '../../components/FormFields.tsx';
import { type AnswerBody, type FeedbackItemView, type FeedbackView, feedbackApi } from './feedbackApi.ts';
import { m } from './messages.ts';

const CLASSES: FieldClasses = { field: 'feedback-field', help: 'feedback-help' };

type Status = AnswerBody['status'];

export function AnswerForm(props: {
  item: FeedbackItemView;
  versions: FeedbackView['versions'];
  onDone: (i: FeedbackItemView) => void;
}) {
  const { item } = props;
  const id = useId();
  const [status, setStatus] = useState<Status>(item.status === 'new' ? 'answered' : item.status);
  const [answer, setAnswer] = useState(item.answer ?? '');
  const [version, setVersion] = useState(item.nextVersion?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const choices = props.versions.filter((v) => v.id !== item.criteriaVersion?.id);

  const send = async () => {
    setError(null);
    if (!answer.trim()) return setError({ message: m('answer.needText'), field: 'answer' });
    setBusy(true);
    try {
      props.onDone(
        await feedbackApi.answer(item.id, {
          status,
          answer: answer.trim().normalize('NFC'),
          nextVersionId: status === 'adopted' && version ? version : null,
          revision: item.revision,
        }),
      );
    } catch (e) {
      setError(refusalOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="feedback-answer-form"
      aria-label={item.status === 'new' ? m('answer.title') : m('answer.revise')}
      data-testid="feedback-answer-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <fieldset className="feedback-field">
        <legend>{m('answer.status')}</legend>
        <Radio.Group value={status} onChange={(e) => setStatus(e.target.value as Status)}>
          <Radio value="answered">{m('answer.answered')}</Radio>
          <Radio value="adopted">{m('answer.adopted')}</Radio>
          <Radio value="declined">{m('answer.declined')}</Radio>
        </Radio.Group>
      </fieldset>
      {status === 'adopted' && (
        <div className="feedback-field">
          <label htmlFor={`${id}-version`}>{m('answer.version')}</label>
          <select
            id={`${id}-version`}
            className="feedback-native-select"
            value={version}
            onChange={(e) => setVersion(e.target.value)}
            aria-describedby={`${id}-version-help`}
          >
            <option value="">{m('answer.versionLater')}</option>
            {choices.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
          <div id={`${id}-version-help`} className="feedback-help">
            {m('answer.versionHelp')}
          </div>
        </div>
      )}
      <TextAreaField
        id={`${id}-answer`}
        label={m('answer.text')}
        help={m('answer.textHelp')}
        value={answer}
        onChange={setAnswer}
        classes={CLASSES}
        required
        invalid={error?.field === 'answer'}
        rows={3}
      />
      {error && <Alert type="error" showIcon role="alert" title={error.message} />}
      <Button type="primary" htmlType="submit" loading={busy}>
        {m('answer.submit')}
      </Button>
    </form>
  );
}

export function TopicForm(props: {
  item: FeedbackItemView;
  topics: FeedbackView['topics'];
  onDone: (i: FeedbackItemView) => void;
}) {
  const id = useId();
  const [name, setName] = useState(props.item.topic?.name ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const send = async () => {
    setError(null);
    setSaved(false);
    setBusy(true);
    try {
      props.onDone(await feedbackApi.topic(props.item.id, name.trim() ? name.trim().normalize('NFC') : null));
      setSaved(true);
    } catch (e) {
      setError(refusalOf(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="feedback-topic-form"
      data-testid="feedback-topic-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label htmlFor={`${id}-topic`}>{m('topic.label')}</label>
      <div className="feedback-topic-row">
        <AutoComplete
          id={`${id}-topic`}
          aria-label={m('topic.label')}
          className="feedback-topic-input"
          value={name}
          onChange={(v: string) => setName(v)}
          options={props.topics.map((t) => ({ value: t.name }))}
          aria-describedby={`${id}-topic-help`}
          maxLength={120}
        />
        <Button htmlType="submit" loading={busy}>
          {m('topic.save')}
        </Button>
      </div>
      <div id={`${id}-topic-help`} className="feedback-help">
        {m('topic.help')}
      </div>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      {saved && (
        <span role="status" className="feedback-help">
          {m('topic.saved')}
        </span>
      )}
    </form>
  );
}
