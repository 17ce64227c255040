/**
 * The what-if panel (R12 spirit: the method is public, so the agency may try it): beside the form's
 * live self-score and on the agency's result page, the agency changes values hypothetically and
 * sees its score and class move, computed here in the browser by the same core as the official
 * score. Nothing is saved or sent: the changes live in this component's state and one click puts
 * everything back. Below, "to reach Khá you need about X more points; the cheapest are …" and the
 * criteria by points gained per unit of effort (core/scoring/whatif.ts).
 */

import { Button, Input, Radio, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { CompiledSet } from '../../../core/criteria/compile.ts';
import type { Field } from '../../../core/criteria/schema.ts';
import type { AgencyScore } from '../../../core/scoring/score.ts';
import { adviceFor, type Gain } from '../../../core/scoring/whatif.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { numberVn, scoreVn } from '../../format.ts';
import { pick } from '../../i18n/messages.ts';
import { parseTyped, showValue } from '../reporter/formModel.ts';
import { m } from './messages.ts';
import './whatif.css';

const pts = (hundredths: number) => scoreVn(hundredths / 100);
const signed = (hundredths: number) => (hundredths > 0 ? `+${pts(hundredths)}` : pts(hundredths));

export interface WhatIfProps {
  set: CompiledSet;
  groupId: string;
  /** The values the score is computed on now, as "from" of each change. */
  values: Readonly<Record<string, unknown>>;
  /** The score with these hypothetical values put over the real ones (the same core, memoised by the caller). */
  score: (overrides: Readonly<Record<string, unknown>>) => AgencyScore;
  /** Whether the agency may change this field in a simulation. */
  changeable: (field: Field) => boolean;
  context: 'form' | 'result';
}

/** The simulation's typed values, without the ones that do not parse (a number field holding "12a"). */
function parsedOf(fields: ReadonlyMap<string, Field>, texts: Record<string, string>) {
  const out: Record<string, unknown> = {};
  const invalid = new Set<string>();
  for (const [key, text] of Object.entries(texts)) {
    const f = fields.get(key);
    if (!f) continue;
    const v = parseTyped(f, text);
    if ((f.type === 'integer' || f.type === 'decimal') && typeof v === 'string') invalid.add(key);
    else out[key] = v;
  }
  return { overrides: out, invalid };
}

export function WhatIfPanel(props: WhatIfProps) {
  const { set, groupId, values, score, changeable, context } = props;
  const group = set.groupsById.get(groupId)!;
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [chosen, setChosen] = useState('');
  const base = useMemo(() => score({}), [score]);
  const { overrides, invalid } = useMemo(() => parsedOf(group.fieldsByKey, texts), [group, texts]);
  const sim = useMemo(
    () => (Object.keys(overrides).length === 0 ? base : score(overrides)),
    [base, score, overrides],
  );
  const advice = useMemo(() => adviceFor(set, sim), [set, sim]);
  const changed = Object.keys(texts);
  const bandLabel = (id: string) => pick(set.bands.find((b) => b.id === id)?.label);
  const criterion = chosen ? group.criteriaById.get(chosen) : undefined;
  const gate = criterion ? group.categories[criterion.categoryIndex]!.gate : undefined;
  const fields = criterion
    ? [...new Set([...(gate ? [gate] : []), ...criterion.def.inputs])]
        .map((key) => group.fieldsByKey.get(key))
        .filter((f): f is Field => f !== undefined && changeable(f))
    : [];
  const reset = () => setTexts({});
  const setText = (key: string, text: string) => setTexts((t) => ({ ...t, [key]: text }));
  const undo = (key: string) =>
    setTexts((t) => {
      const { [key]: _, ...rest } = t;
      return rest;
    });
  const textOf = (f: Field) => texts[f.key] ?? showValue(f, values[f.key]);
  const shown = (f: Field, v: unknown) => {
    if (v === null || v === undefined || v === '') return m('whatif.empty');
    if (f.type === 'boolean') return v === true ? m('whatif.yes') : v === false ? m('whatif.no') : String(v);
    if (f.type === 'enum') return pick(f.options?.find((o) => o.value === v)?.label) || String(v);
    if (typeof v === 'number') return numberVn(v);
    return String(v);
  };
  const nameOf = (id: string) => pick(group.criteriaById.get(id)?.def.name);
  const pickText = (g: Gain) =>
    m('whatif.pick', { id: g.id, name: nameOf(g.id), gain: pts(g.gain), effort: numberVn(g.effort) });
  const effects = sim.criteria.filter((k, i) => k.points !== base.criteria[i]!.points);
  const left = advice.gains.reduce((t, g) => t + g.gain, 0);

  return (
    <section className="whatif" aria-labelledby={`whatif-title-${context}`} data-testid="whatif">
      <h2 id={`whatif-title-${context}`} className="whatif-title">
        {m('whatif.title')}{' '}
        <Tag className="whatif-badge" data-testid="whatif-badge">
          {m('whatif.badge')}
        </Tag>
      </h2>
      <p className="whatif-intro">{m('whatif.intro', { what: m(`whatif.what.${context}`) })}</p>

      <dl className="whatif-figures" aria-live="polite">
        <div>
          <dt>{m('whatif.now')}</dt>
          <dd data-testid="whatif-base">{pts(base.total)}</dd>
          <dd>{bandLabel(base.classId)}</dd>
        </div>
        <div className="whatif-sim">
          <dt>{m('whatif.simulated')}</dt>
          <dd data-testid="whatif-total">{pts(sim.total)}</dd>
          <dd data-testid="whatif-class">{bandLabel(sim.classId)}</dd>
        </div>
        <div>
          <dt>{m('whatif.difference')}</dt>
          <dd data-testid="whatif-difference">{signed(sim.total - base.total)}</dd>
        </div>
      </dl>

      <p className="whatif-advice" data-testid="whatif-advice">
        {advice.next === null
          ? m('whatif.top', { label: bandLabel(sim.classId) })
          : advice.plan!.reachable
            ? m('whatif.next', {
                label: pick(advice.next.label),
                points: pts(advice.next.needed),
                list: advice.plan!.picks.map(pickText).join('; '),
              })
            : m('whatif.nextUnreachable', {
                label: pick(advice.next.label),
                points: pts(advice.next.needed),
                left: pts(left),
              })}
      </p>

      <div className="whatif-try">
        <label htmlFor={`whatif-criterion-${context}`}>{m('whatif.criterion')}</label>
        <select
          id={`whatif-criterion-${context}`}
          className="whatif-select"
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
        >
          <option value="">{m('whatif.choose')}</option>
          {group.criteria.map((k) => (
            <option key={k.id} value={k.id}>
              {`${k.id} ${pick(k.def.name)}`}
            </option>
          ))}
        </select>
      </div>

      {criterion && (
        <fieldset className="whatif-fields" data-testid="whatif-fields">
          <legend>{m('whatif.fields', { id: criterion.id })}</legend>
          {fields.length === 0 && <p>{m('whatif.noFields')}</p>}
          {fields.map((f) => (
            <WhatIfField
              key={f.key}
              field={f}
              context={context}
              text={textOf(f)}
              invalid={invalid.has(f.key)}
              onChange={setText}
            />
          ))}
        </fieldset>
      )}

      {changed.length === 0 ? (
        <p className="whatif-muted">{m('whatif.nothing')}</p>
      ) : (
        <div className="whatif-changes">
          <h3>{m('whatif.changed')}</h3>
          <ul data-testid="whatif-changed">
            {changed.map((key) => {
              const f = group.fieldsByKey.get(key)!;
              const label = pick(f.shortLabel ?? f.label);
              return (
                <li key={key}>
                  {m('whatif.changedLine', {
                    label,
                    from: shown(f, values[key]),
                    to: invalid.has(key) ? m('whatif.invalid') : shown(f, overrides[key]),
                  })}{' '}
                  <Button size="small" type="link" onClick={() => undo(key)}>
                    {m('whatif.undo', { label })}
                  </Button>
                </li>
              );
            })}
          </ul>
          {effects.length > 0 && (
            <>
              <h3>{m('whatif.effects')}</h3>
              <ul data-testid="whatif-effects">
                {effects.map((k) => (
                  <li key={k.id}>
                    {m('whatif.effectLine', {
                      id: k.id,
                      name: nameOf(k.id),
                      from: pts(base.criteria.find((b) => b.id === k.id)!.points),
                      to: pts(k.points),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
          <Button onClick={reset} data-testid="whatif-reset">
            {m('whatif.reset')}
          </Button>
        </div>
      )}

      {advice.gains.length > 0 && (
        <table className="whatif-table" data-testid="whatif-gains">
          <caption>{m('whatif.gainsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{m('whatif.col.criterion')}</th>
              <th scope="col" className="num">
                {m('whatif.col.points')}
              </th>
              <th scope="col" className="num">
                {m('whatif.col.gain')}
              </th>
              <th scope="col" className="num">
                {m('whatif.col.effort')}
              </th>
              <th scope="col" className="num">
                {m('whatif.col.perEffort')}
              </th>
              <th scope="col">
                <span className="whatif-sr">{m('whatif.try')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {advice.gains.slice(0, 8).map((g) => (
              <tr key={g.id} data-criterion={g.id}>
                <th scope="row">{`${g.id} ${nameOf(g.id)}`}</th>
                <td
                  className="num"
                  data-label={m('whatif.col.points')}
                >{`${pts(g.points)} / ${pts(g.max)}`}</td>
                <td className="num" data-label={m('whatif.col.gain')}>
                  {pts(g.gain)}
                </td>
                <td className="num" data-label={m('whatif.col.effort')}>
                  {numberVn(g.effort)}
                </td>
                <td className="num" data-label={m('whatif.col.perEffort')}>
                  {pts(g.perEffortHundredths)}
                </td>
                <td>
                  <Button
                    size="small"
                    onClick={() => setChosen(g.id)}
                    aria-label={m('whatif.tryLabel', { id: g.id })}
                  >
                    {m('whatif.try')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {advice.gains.length > 0 && <p className="whatif-muted">{m('whatif.gainsNote')}</p>}
    </section>
  );
}

function WhatIfField(props: {
  field: Field;
  context: string;
  text: string;
  invalid: boolean;
  onChange: (key: string, text: string) => void;
}) {
  const { field: f, text, onChange } = props;
  const id = `whatif-${props.context}-${f.key}`;
  const set = (v: string) => onChange(f.key, v);
  const unit = pick(f.unit);
  let control: React.ReactNode;
  switch (f.type) {
    case 'boolean':
      control = (
        <Radio.Group
          aria-labelledby={`${id}-label`}
          value={text === '' ? undefined : text}
          onChange={(e) => set(String(e.target.value))}
          optionType="button"
          options={[
            { value: 'true', label: m('whatif.yes') },
            { value: 'false', label: m('whatif.no') },
          ]}
        />
      );
      break;
    case 'enum':
      control = (
        <select id={id} className="whatif-select" value={text} onChange={(e) => set(e.target.value)}>
          <option value="">{m('whatif.empty')}</option>
          {(f.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {pick(o.label)}
            </option>
          ))}
        </select>
      );
      break;
    case 'date':
      control = <DateInput id={id} value={text} onChange={set} />;
      break;
    default:
      control = (
        <Input
          id={id}
          inputMode={f.type === 'integer' ? 'numeric' : f.type === 'decimal' ? 'decimal' : undefined}
          value={text}
          aria-invalid={props.invalid}
          status={props.invalid ? 'error' : undefined}
          onChange={(e) => set(e.target.value)}
          suffix={unit ? <span className="whatif-unit">{unit}</span> : undefined}
          className="whatif-input"
        />
      );
  }
  return (
    <div className="whatif-field" data-field={f.key}>
      <label id={`${id}-label`} htmlFor={f.type === 'boolean' ? undefined : id}>
        {pick(f.label)}
      </label>
      {control}
      {props.invalid && <span className="whatif-error">{m('whatif.invalid')}</span>}
    </div>
  );
}
