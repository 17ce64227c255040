/**
 * Submission with the head's attestation (R16): first what the form still lacks or what the logic
 * checks found, then the attestation, then a confirmation that says what happens. After the
 * deadline it says the form will be recorded late and not ranked (R9).
 */

import { Alert, Button, Checkbox, Input, Modal } from 'antd';
import { useState } from 'react';
import type { Field } from '../../../core/criteria/schema.ts';
import type { Finding } from '../../../core/types.ts';
import { pick } from '../../i18n/messages.ts';
import { fieldId } from './FieldRow.tsx';
import { m } from './messages.ts';
import { type Claim, type FormState, reporterApi } from './reporterApi.ts';
import { attestationProblems, submissionSummary, submitErrorPlace } from './submission.ts';

export function SubmitPanel(props: {
  server: FormState;
  fields: Field[];
  values: Record<string, unknown>;
  findings: Finding[];
  claims: Claim[];
  unsaved: number;
  onSubmitted: (s: FormState) => void;
}) {
  const { server } = props;
  const [name, setName] = useState('');
  const [position, setPosition] = useState('');
  const [attest, setAttest] = useState(false);
  const [asking, setAsking] = useState(false);
  const labelOf = (key: string) => {
    const f = props.fields.find((x) => x.key === key);
    return f ? pick(f.shortLabel) || pick(f.label) : key;
  };
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const {
    missing,
    emptyOptional,
    errors: errorsN,
    warnings: warningsN,
  } = submissionSummary(props.fields, props.values, props.findings);

  const check = () => {
    const e = attestationProblems({ attestedName: name, attestedTitle: position, attest });
    setErrors(e);
    return Object.keys(e).length === 0;
  };
  const submit = async () => {
    setBusy(true);
    try {
      const res = await reporterApi.submit(server.cycle.id, server.agency.id, {
        version: server.version ?? 0,
        attestedName: name,
        attestedTitle: position,
      });
      setAsking(false);
      props.onSubmitted(res.state);
    } catch (e) {
      setAsking(false);
      setErrors({ [submitErrorPlace(e)]: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="reporter-card" aria-labelledby="reporter-submit" id="nop-phieu">
      <h2 id="reporter-submit">{m('submit.title')}</h2>
      <h3>{m('submit.summary')}</h3>
      <ul className="reporter-summary" data-testid="submit-summary">
        {missing.length > 0 && (
          <li className="reporter-error">
            {m('submit.missing', { n: missing.length, fields: '' })}
            {missing.slice(0, 12).map((f, i) => (
              <span key={f.key}>
                {i > 0 && '; '}
                <a href={`#${fieldId(f.key)}`}>{pick(f.shortLabel) || pick(f.label)}</a>
              </span>
            ))}
            {missing.length > 12 && '; …'}
          </li>
        )}
        {emptyOptional > 0 && <li>{m('submit.emptyOptional', { n: emptyOptional })}</li>}
        <li className={errorsN ? 'reporter-error' : undefined}>
          {m('submit.findings', { errors: errorsN, warnings: warningsN })}
          {props.findings.length > 0 && (
            <ul>
              {props.findings.map((f) => (
                <li key={`${f.ruleId}-${f.message.vi}`}>
                  {/* The field's label leads to it; the rule's code is for the department's staff. */}
                  {f.fields[0] && (
                    <>
                      <a href={`#${fieldId(f.fields[0])}`}>{labelOf(f.fields[0])}</a>:{' '}
                    </>
                  )}
                  {pick(f.message)}
                </li>
              ))}
            </ul>
          )}
        </li>
        <li>
          {props.claims.length
            ? m('submit.claims', {
                list: props.claims.map((c) => `${c.criterionId} (${c.reason})`).join('; '),
              })
            : m('submit.noClaims')}
        </li>
      </ul>
      {props.unsaved > 0 && <Alert type="warning" showIcon title={m('submit.unsaved')} />}
      {server.cycle.deadlinePassed && (
        <Alert type="warning" showIcon title={m('submit.late')} className="reporter-gap" />
      )}
      <fieldset className="reporter-attest">
        <legend>{m('submit.attestation')}</legend>
        <label htmlFor="attested-name" className="reporter-label">
          {m('submit.name')}
        </label>
        <Input
          id="attested-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={Boolean(errors.attestedName)}
          aria-describedby="attested-name-error"
          maxLength={200}
          autoComplete="name"
        />
        <p id="attested-name-error" className="reporter-error" aria-live="polite">
          {errors.attestedName}
        </p>
        <label htmlFor="attested-title" className="reporter-label">
          {m('submit.position')}
        </label>
        <Input
          id="attested-title"
          value={position}
          onChange={(e) => setPosition(e.target.value)}
          aria-invalid={Boolean(errors.attestedTitle)}
          aria-describedby="attested-title-error"
          maxLength={200}
        />
        <p id="attested-title-error" className="reporter-error" aria-live="polite">
          {errors.attestedTitle}
        </p>
        <Checkbox checked={attest} onChange={(e) => setAttest(e.target.checked)}>
          {m('submit.confirm')}
        </Checkbox>
        <p className="reporter-error" aria-live="polite">
          {errors.attest}
        </p>
      </fieldset>
      <div aria-live="assertive">
        {errors.form && <Alert type="error" showIcon title={errors.form} role="alert" />}
      </div>
      <Button
        type="primary"
        size="large"
        disabled={props.unsaved > 0}
        onClick={() => check() && setAsking(true)}
        className="reporter-gap"
      >
        {m('submit.button')}
      </Button>
      <Modal
        open={asking}
        title={m('submit.really')}
        okText={m('submit.button')}
        cancelText={m('submit.cancel')}
        confirmLoading={busy}
        onOk={submit}
        onCancel={() => setAsking(false)}
      >
        <p>{m('submit.reallyText')}</p>
        {server.cycle.deadlinePassed && <p className="reporter-error">{m('submit.late')}</p>}
      </Modal>
    </section>
  );
}
