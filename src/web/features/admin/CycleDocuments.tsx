/**
 * The cycle's two documents: the guidance (needed to open the cycle) and the data-collection
 * form; each with its file name, size and upload time, a download link, and a new upload while
 * the cycle is a draft or open.
 */
import { App as AntApp, Card, Typography } from 'antd';
import { type ChangeEvent, useState } from 'react';
import { apiUrl } from '../../api.ts';
import { dateTimeVn, fileSizeVn } from '../../format.ts';
import { type CycleDetail, cycleAdminApi, type DocumentKind } from './adminApi.ts';
import { m } from './messages.ts';

const ACCEPT = '.pdf,.docx,.doc,.xlsx,.odt';
const KINDS: DocumentKind[] = ['guidance', 'form'];

export function CycleDocuments(props: { cycle: CycleDetail; onUploaded: (c: CycleDetail) => void }) {
  const { cycle } = props;
  const changeable = cycle.state === 'draft' || cycle.state === 'open';
  return (
    <Card className="admin-card" title={<h2 className="admin-h2">{m('docs.title')}</h2>}>
      <Typography.Paragraph>{changeable ? m('docs.intro') : m('docs.frozen')}</Typography.Paragraph>
      <div className="admin-docs">
        {KINDS.map((kind) => (
          <DocumentSlot
            key={kind}
            cycle={cycle}
            kind={kind}
            changeable={changeable}
            onUploaded={props.onUploaded}
          />
        ))}
      </div>
    </Card>
  );
}

function DocumentSlot(props: {
  cycle: CycleDetail;
  kind: DocumentKind;
  changeable: boolean;
  onUploaded: (c: CycleDetail) => void;
}) {
  const { cycle, kind } = props;
  const file = cycle.documents[kind];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = AntApp.useApp();
  const inputId = `doc-${kind}`;
  const name = m(`docs.${kind}`);

  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    e.target.value = '';
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const res = await cycleAdminApi.upload(cycle.id, kind, chosen);
      props.onUploaded(res.cycle);
      void message.success(m('docs.uploaded', { name: chosen.name }));
    } catch (err) {
      setError(err instanceof Error ? err.message : m('error.unknown'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="admin-doc" aria-labelledby={`${inputId}-h`}>
      <h3 className="admin-h3" id={`${inputId}-h`}>
        {name}
      </h3>
      {file ? (
        <p>
          <a href={apiUrl(`/cycles/${cycle.id}/documents/${kind}`)} download={file.filename}>
            {file.filename}
          </a>
          <br />
          <span className="admin-muted">
            {m('docs.meta', { size: fileSizeVn(file.size), at: dateTimeVn(file.uploadedAt) })}
          </span>
        </p>
      ) : (
        <p className="admin-muted">{kind === 'guidance' ? m('docs.noGuidance') : m('docs.none')}</p>
      )}
      {props.changeable && (
        <div className="admin-upload">
          <label htmlFor={inputId}>{file ? m('docs.replace', { name }) : m('docs.choose', { name })}</label>
          <input id={inputId} type="file" accept={ACCEPT} onChange={(e) => void upload(e)} disabled={busy} />
          <span className="admin-muted">{busy ? m('docs.uploading') : m('docs.accepted')}</span>
        </div>
      )}
      {error && (
        <p role="alert" className="admin-error">
          {error}
        </p>
      )}
    </section>
  );
}
