/**
 * The agency's data-collection form for one cycle (/bao-cao/:cycleId): generated from the cycle's
 * criteria version, saved as the user types, nothing lost on reload, N/A claims and evidence by
 * criterion, the assessors' queries where they belong, the live self-score beside, and submission.
 */

import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, Modal } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { Field } from '../../../core/criteria/schema.ts';
import type { Finding } from '../../../core/types.ts';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { dateTimeVn, dateVn, numberVn, scoreVn } from '../../format.ts';
import { pick, said } from '../../i18n/messages.ts';
import { navigate } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { FormWhatIf } from '../whatif/FormWhatIf.tsx';
import { WorkbookButtons } from '../workbooks/WorkbookButtons.tsx';
import { EvidenceBox, NaClaim } from './CriterionExtras.tsx';
import { FieldRow } from './FieldRow.tsx';
import { type FormLayout, layoutFor, recompute, shownValue, showValue } from './formModel.ts';
import {
  canWithdraw,
  conflictValueText,
  findingsByField,
  queriesByTarget,
  readableFormula,
  saveStatusLine,
} from './formPage.ts';
import { m } from './messages.ts';
import { QueriesPanel } from './QueriesPanel.tsx';
import { type FormState, reporterApi } from './reporterApi.ts';
import { ScorePanel } from './ScorePanel.tsx';
import { SubmitPanel } from './SubmitPanel.tsx';
import { useAutosave } from './useAutosave.ts';
import './reporter.css';

const NO_FINDINGS: readonly Finding[] = [];
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export default function ReportForm({ params, user }: ScreenProps) {
  const cycleId = params.cycleId!;
  const agencyId = user.agencyId ?? '';
  const cycle = useQuery({ queryKey: ['cycle', cycleId], queryFn: () => reporterApi.cycle(cycleId) });
  const versionId = cycle.data?.cycle.criteriaVersion.id;
  const criteria = useQuery({
    queryKey: ['criteria', versionId],
    queryFn: () => reporterApi.criteria(versionId!),
    enabled: Boolean(versionId),
    staleTime: Number.POSITIVE_INFINITY,
  });
  // The form itself is read once per visit: afterwards this page owns its state (autosave).
  const form = useQuery({
    queryKey: ['submission', cycleId, agencyId],
    queryFn: () => reporterApi.form(cycleId, agencyId),
    enabled: Boolean(agencyId),
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
  const layout = useMemo(
    () =>
      criteria.data && form.data && versionId
        ? layoutFor(versionId, criteria.data.content, form.data.agency.groupId)
        : null,
    [criteria.data, form.data, versionId],
  );
  const title = cycle.data ? m('form.title', { year: cycle.data.cycle.year }) : m('home.title');
  if (!agencyId)
    return (
      <>
        <PageHeader title={title} crumbs={[{ label: m('home.title'), to: '/bao-cao' }]} />
        <Alert type="warning" showIcon title={m('home.noAgency')} />
      </>
    );
  const error = cycle.error ?? criteria.error ?? form.error;
  if (error || !layout || !form.data)
    return (
      <>
        <PageHeader title={title} crumbs={[{ label: m('home.title'), to: '/bao-cao' }]} />
        {error ? (
          <LoadError
            error={error}
            onRetry={() => {
              void cycle.refetch();
              void criteria.refetch();
              void form.refetch();
            }}
          />
        ) : (
          <Loading />
        )}
      </>
    );
  return <FormBody title={title} layout={layout} initial={form.data} userId={user.id} />;
}

function FormBody(props: { title: string; layout: FormLayout; initial: FormState; userId: string }) {
  const { layout } = props;
  const a = useAutosave({ initial: props.initial, layout, userId: props.userId });
  const { server } = a;
  const cycleId = server.cycle.id;
  const agencyId = server.agency.id;
  const editable = server.editable;
  const queries = useQuery({
    queryKey: ['queries', cycleId, agencyId],
    queryFn: () => reporterApi.queries(cycleId, agencyId),
  });

  const live = useMemo(
    () =>
      recompute(
        layout,
        a.values,
        server.claims,
        server.cycle.year,
        new Date(server.cycle.deadline).getTime(),
        server.agency.code,
        server.websiteCheck ?? null,
        server.previousValues ?? null,
      ),
    [
      layout,
      a.values,
      server.claims,
      server.cycle,
      server.agency.code,
      server.websiteCheck,
      server.previousValues,
    ],
  );

  const findingsOf = useMemo(() => findingsByField(live.findings), [live.findings]);

  const refresh = useCallback(async () => {
    const fresh = await reporterApi.form(cycleId, agencyId);
    a.setServer((s) => ({ ...fresh, evidenceMaxBytes: fresh.evidenceMaxBytes ?? s.evidenceMaxBytes }));
  }, [cycleId, agencyId, a.setServer]);
  const onState = useCallback(
    (fresh: FormState) => a.setServer((s) => ({ ...fresh, evidenceMaxBytes: s.evidenceMaxBytes })),
    [a.setServer],
  );

  const queriesOf = useMemo(() => queriesByTarget(queries.data?.queries ?? []), [queries.data]);

  const textOf = (key: string) => {
    const f = layout.group.fieldsByKey.get(key)!;
    return a.typed[key] ?? showValue(f, server.values[key]);
  };
  const errorOf = (key: string) => a.localErrors[key] ?? a.serverErrors[key];
  const queryNotes = (key: string) =>
    (queriesOf.get(key) ?? []).map((q) => (
      <p key={q.id} className="reporter-query-note">
        {m('q.here', { subject: q.subject })} <a href={`#q-${q.id}`}>{m('q.see')}</a>
      </p>
    ));
  const row = (key: string, isGate = false) => {
    const f = layout.group.fieldsByKey.get(key)!;
    const notes = queryNotes(key);
    return (
      <FieldRow
        key={key}
        field={f}
        text={textOf(key)}
        error={errorOf(key)}
        findings={findingsOf.get(key) ?? NO_FINDINGS}
        feeds={layout.feeds.get(key) ?? []}
        disabled={!editable}
        isGate={isGate}
        onChange={a.setValue}
        extra={notes.length ? notes : undefined}
      />
    );
  };
  // The agency's own assessment of its website: optional; an empty field takes the latest
  // confirmed monitoring result, said beside it with its date and value.
  const check = server.websiteCheck ?? null;
  const websiteRow = (f: Field, isGate = false) => {
    const observed = check?.values[f.key];
    const stated = textOf(f.key) !== '';
    const basis =
      check && observed !== undefined && observed !== null
        ? m('site.byCheck', { date: dateVn(check.checkedAt), value: shownValue(f, observed) })
        : m('site.noCheck');
    return (
      <FieldRow
        key={f.key}
        field={f}
        text={textOf(f.key)}
        error={errorOf(f.key)}
        findings={findingsOf.get(f.key) ?? NO_FINDINGS}
        feeds={layout.feeds.get(f.key) ?? []}
        disabled={!editable}
        isGate={isGate}
        onChange={a.setValue}
        extra={
          <p className="reporter-help" data-testid="site-basis">
            {stated ? m('site.stated') : basis}{' '}
            {stated && editable && (
              <Button size="small" type="link" onClick={() => a.setValue(f.key, '')}>
                {m('site.clear')}
              </Button>
            )}
          </p>
        }
      />
    );
  };
  const maxBytes = server.evidenceMaxBytes ?? DEFAULT_MAX_BYTES;
  const pts = (h: number) => numberVn(h / 100);

  return (
    <>
      <PageHeader
        title={props.title}
        crumbs={[{ label: m('home.title'), to: '/bao-cao' }]}
        intro={
          <p>
            {m('form.intro', { agency: server.agency.name, group: pick(server.agency.groupName) })}{' '}
            {m('form.deadline', { at: dateTimeVn(server.cycle.deadline) })}
          </p>
        }
        extra={<SaveStatusLine a={a} editable={editable} />}
      />
      {!editable && server.notEditable && (
        <Alert
          type={server.status === 'submitted' ? 'success' : 'info'}
          showIcon
          className="reporter-banner"
          title={m('form.readOnly')}
          description={
            <>
              <p>{said(server.notEditable)}</p>
              {server.status === 'submitted' && (
                <div className="reporter-actions">
                  <Button type="primary" onClick={() => navigate(`/bao-cao/${cycleId}/bien-nhan`)}>
                    {m('home.viewReceipt')}
                  </Button>
                  <WithdrawButton server={server} onState={onState} />
                </div>
              )}
            </>
          }
        />
      )}
      {a.restoredCount > 0 && editable && (
        <Alert
          type="info"
          showIcon
          role="status"
          className="reporter-banner"
          title={m('form.restored', { n: a.restoredCount })}
        />
      )}
      {server.cycle.deadlinePassed && editable && (
        <Alert type="warning" showIcon className="reporter-banner" title={m('home.passed')} />
      )}
      <section className="reporter-card reporter-workbook" aria-label={m('form.workbook')}>
        <p className="reporter-help">{m('form.workbookHelp')}</p>
        <WorkbookButtons cycleId={cycleId} agencyId={agencyId} canUpload={editable} onSaved={refresh} />
      </section>
      <div className="reporter-layout">
        <div className="reporter-main">
          {layout.general.length > 0 && (
            <section className="reporter-card" aria-labelledby="sec-general">
              <h2 id="sec-general">{m('form.general')}</h2>
              {layout.general.map((f) => row(f.key))}
            </section>
          )}
          {layout.sections.map((s) => (
            <section key={s.id} className="reporter-card" aria-labelledby={`sec-${s.id}`}>
              <h2 id={`sec-${s.id}`}>
                {s.id}. {pick(s.name)}{' '}
                <span className="reporter-muted">
                  ({m('form.sectionMax', { max: pts(s.maxHundredths) })})
                </span>
              </h2>
              {s.gate && row(s.gate.key, true)}
              {s.websiteGate && (
                <div className="reporter-site" data-testid="site-assessment">
                  <p className="reporter-help">
                    {check ? m('site.intro', { date: dateVn(check.checkedAt) }) : m('site.introNoCheck')}
                  </p>
                  {websiteRow(s.websiteGate, true)}
                </div>
              )}
              {s.blocks.map((b) => {
                const k = b.criterion;
                return (
                  <div key={k.id} className="reporter-criterion" id={`crit-${k.id}`}>
                    <h3>
                      {k.id}. {pick(k.def.name)}{' '}
                      <span className="reporter-muted">
                        ({m('form.sectionMax', { max: pts(k.maxHundredths) })})
                      </span>
                    </h3>
                    {k.def.formulaText && (
                      <p className="reporter-help">
                        {m('form.howScored', {
                          text: readableFormula(pick(k.def.formulaText), layout.group.fieldsByKey),
                        })}
                      </p>
                    )}
                    {queryNotes(`crit:${k.id}`)}
                    {b.fields.map((f) => row(f.key))}
                    {b.websiteFields.length > 0 && (
                      <fieldset className="reporter-site">
                        <legend>{m('site.legend')}</legend>
                        {b.websiteFields.map((f) => websiteRow(f))}
                      </fieldset>
                    )}
                    {b.sharedFields.length > 0 && (
                      <p className="reporter-help">
                        {m('form.alsoUses', {
                          fields: b.sharedFields.map((f) => pick(f.shortLabel) || pick(f.label)).join('; '),
                        })}
                      </p>
                    )}
                    {k.def.evidenceHint && (
                      <p className="reporter-help">
                        {m('form.evidenceHint', { text: pick(k.def.evidenceHint) })}
                      </p>
                    )}
                    <NaClaim
                      criterion={k}
                      claim={server.claims.find((c) => c.criterionId === k.id)}
                      editable={editable}
                      cycleId={cycleId}
                      agencyId={agencyId}
                      onState={onState}
                    />
                    <EvidenceBox
                      criterion={k}
                      files={server.evidence.filter((e) => e.criterionId === k.id)}
                      editable={editable}
                      maxBytes={maxBytes}
                      cycleId={cycleId}
                      agencyId={agencyId}
                      onChanged={() => void refresh()}
                    />
                  </div>
                );
              })}
            </section>
          ))}
          <QueriesPanel
            queries={queries.data?.queries ?? []}
            cycleId={cycleId}
            canReply={server.cycle.state !== 'published'}
            onChanged={() => void queries.refetch()}
          />
          <FormWhatIf
            layout={layout}
            values={a.values}
            claims={server.claims}
            year={server.cycle.year}
            websiteCheck={server.websiteCheck ?? null}
          />
          {editable && (
            <SubmitPanel
              server={server}
              fields={layout.agencyFields}
              values={a.values}
              findings={live.findings}
              claims={server.claims}
              unsaved={a.pending + a.pendingInvalid}
              onSubmitted={(s) => {
                onState(s);
                navigate(`/bao-cao/${cycleId}/bien-nhan`);
              }}
            />
          )}
        </div>
        {/* On a phone the score comes after the long form: a bar keeps the total in sight. */}
        <a className="reporter-score-mini no-print" href="#reporter-score-title">
          {m('score.mini', { points: scoreVn(live.score.total / 100) })}
        </a>
        <aside className="reporter-side" aria-label={m('score.title')}>
          <ScorePanel layout={layout} score={live.score} />
        </aside>
      </div>
      <ConflictDialog a={a} />
    </>
  );
}

function SaveStatusLine(props: { a: ReturnType<typeof useAutosave>; editable: boolean }) {
  const { a } = props;
  if (!props.editable) return null;
  const { text, bad } = saveStatusLine(a.status, a.server.updatedAt);
  return (
    <div className="reporter-status-box no-print">
      <p
        role="status"
        className={bad ? 'reporter-status reporter-status-bad' : 'reporter-status'}
        data-testid="save-status"
        data-pending={a.pending}
      >
        {text}
      </p>
      {a.pendingInvalid > 0 && (
        <p className="reporter-status-bad">{m('form.unsavedInvalid', { n: a.pendingInvalid })}</p>
      )}
    </div>
  );
}

function ConflictDialog(props: { a: ReturnType<typeof useAutosave> }) {
  const c = props.a.conflict;
  if (!c) return null;
  return (
    <Modal
      open
      title={m('conflict.title')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={[
        <Button key="theirs" onClick={() => props.a.resolve('theirs')}>
          {m('conflict.takeTheirs')}
        </Button>,
        <Button key="mine" type="primary" onClick={() => props.a.resolve('mine')}>
          {m('conflict.keepMine')}
        </Button>,
      ]}
    >
      <p>
        {m('conflict.intro', {
          when: c.updatedAt ? m('conflict.when', { at: dateTimeVn(c.updatedAt) }) : '',
        })}
      </p>
      {/* A plain table: three columns in a dialog need none of Ant Design's Table (50 KB gzip). */}
      <table className="reporter-conflict-table">
        <caption className="visually-hidden">{m('conflict.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{m('conflict.field')}</th>
            <th scope="col">{m('conflict.mine')}</th>
            <th scope="col">{m('conflict.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {c.fields.map((r) => (
            <tr key={r.field.key}>
              <th scope="row">{pick(r.field.shortLabel) || pick(r.field.label)}</th>
              <td>{conflictValueText(r.field, r.mine)}</td>
              <td>{conflictValueText(r.field, r.theirs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}

function WithdrawButton(props: { server: FormState; onState: (s: FormState) => void }) {
  const { server } = props;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!canWithdraw(server)) return null;
  const go = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await reporterApi.withdraw(server.cycle.id, server.agency.id, reason);
      setOpen(false);
      props.onState(res.state);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {m('withdraw.button')}
      </Button>
      <Modal
        open={open}
        title={m('withdraw.title')}
        okText={m('withdraw.confirm')}
        okButtonProps={{ danger: true }}
        cancelText={m('submit.cancel')}
        confirmLoading={busy}
        onOk={go}
        onCancel={() => setOpen(false)}
      >
        <p>{m('withdraw.text', { at: dateTimeVn(server.cycle.deadline) })}</p>
        <label htmlFor="withdraw-reason" className="reporter-label">
          {m('withdraw.reason')}
        </label>
        <Input.TextArea
          id="withdraw-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoSize={{ minRows: 2 }}
        />
        <div aria-live="polite">{error && <p className="reporter-error">{error}</p>}</div>
      </Modal>
    </>
  );
}
