/** The assessors' questions about the form, each thread with its answers and a reply box. */
import { Button, Input } from 'antd';
import { useState } from 'react';
import { MessageFile } from '../../components/MessageFile.tsx';
import { dateTimeVn } from '../../format.ts';
import { m } from './messages.ts';
import { type Query, reporterApi } from './reporterApi.ts';
import { StatusTag } from './StatusTag.tsx';

export function QueriesPanel(props: {
  queries: Query[];
  cycleId: string;
  canReply: boolean;
  onChanged: () => void;
}) {
  return (
    <section className="reporter-card" aria-labelledby="reporter-queries" id="cau-hoi">
      <h2 id="reporter-queries">{m('q.title')}</h2>
      {props.queries.length === 0 ? (
        <p>{m('q.none')}</p>
      ) : (
        props.queries.map((q) => (
          <Thread
            key={q.id}
            q={q}
            cycleId={props.cycleId}
            canReply={props.canReply}
            onChanged={props.onChanged}
          />
        ))
      )}
    </section>
  );
}

function Thread(props: { q: Query; cycleId: string; canReply: boolean; onChanged: () => void }) {
  const { q } = props;
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  // A new input after each answer sent, so the chosen file is cleared with the text.
  const [fileInput, setFileInput] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = `q-${q.id}`;
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      if (file) await reporterApi.replyWithFile(props.cycleId, q.id, text, file);
      else await reporterApi.reply(props.cycleId, q.id, text);
      setText('');
      setFile(null);
      setFileInput((n) => n + 1);
      setSent(true);
      props.onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const about = q.criterionId ? m('q.criterion', { id: q.criterionId }) : q.fieldKey;
  return (
    <article className="reporter-thread" id={id} aria-labelledby={`${id}-subject`}>
      <h3 id={`${id}-subject`}>
        {q.subject}{' '}
        <StatusTag tone={q.status === 'open' ? 'gold' : q.status === 'answered' ? 'blue' : 'grey'}>
          {m(`q.${q.status}`)}
        </StatusTag>
      </h3>
      {about && <p className="reporter-muted">{m('q.about', { what: about })}</p>}
      <ol className="reporter-messages">
        {q.messages.map((msg) => (
          <li key={msg.id} className={msg.author?.role === 'reporter' ? 'reporter-msg-own' : 'reporter-msg'}>
            <div className="reporter-muted">
              {msg.author?.name ?? m('q.department')} · {dateTimeVn(msg.createdAt)}
            </div>
            <div className="reporter-msg-body">{msg.body}</div>
            <MessageFile cycleId={props.cycleId} queryId={q.id} file={msg.file} />
          </li>
        ))}
      </ol>
      {props.canReply && q.status !== 'closed' && (
        <div className="reporter-reply">
          <label htmlFor={`${id}-reply`} className="reporter-label-small">
            {m('q.reply', { subject: q.subject })}
          </label>
          <Input.TextArea
            id={`${id}-reply`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={5000}
          />
          <label htmlFor={`${id}-file`} className="reporter-label-small">
            {m('q.file')}
          </label>
          <input
            key={fileInput}
            id={`${id}-file`}
            type="file"
            accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt,.ods,.zip"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <Button onClick={send} loading={busy} disabled={text.trim() === ''}>
            {m('q.send')}
          </Button>
        </div>
      )}
      <div aria-live="polite">
        {error && <p className="reporter-error">{error}</p>}
        {sent && !error && <p className="reporter-ok">{m('q.sent')}</p>}
      </div>
    </article>
  );
}
