/**
 * The live self-score beside the form: total and expected class, each category against its
 * maximum, and every criterion with the core's explanation ("min(1; 38/40) × 5 = 4,75 điểm").
 */

import { Collapse } from 'antd';
import { memo } from 'react';
import type { AgencyScore } from '../../../core/scoring/score.ts';
import { awaitingWebsite, type SelfScore, websiteNote } from '../../../core/scoring/self.ts';
import { scoreVn } from '../../format.ts';
import { pick } from '../../i18n/messages.ts';
import type { FormLayout } from './formModel.ts';
import { m } from './messages.ts';
import { StatusTag, type Tone } from './StatusTag.tsx';

const pts = (hundredths: number) => scoreVn(hundredths / 100);

const CLASS_TONES: Record<string, Tone> = {
  tot: 'green',
  kha: 'blue',
  trung_binh: 'gold',
  duoi_trung_binh: 'red',
};

export const ScorePanel = memo(function ScorePanel(props: { layout: FormLayout; score: SelfScore }) {
  const { layout, score } = props;
  const band = layout.compiled.bands.find((b) => b.id === score.classId);
  const max = score.categories.reduce((a, c) => a + c.max, 0);
  const website = websiteNote(score);
  // A category scored only on the website, with neither a check nor the agency's own assessment
  // yet, is waiting for its inputs: say so rather than show it as 0.
  const waiting = (categoryId: string) => awaitingWebsite(score, categoryId);
  const byCategory = new Map<string, AgencyScore['criteria'][number][]>();
  for (const c of score.criteria) byCategory.set(c.categoryId, [...(byCategory.get(c.categoryId) ?? []), c]);
  return (
    <section className="reporter-score" aria-labelledby="reporter-score-title" data-testid="live-score">
      <h2 id="reporter-score-title">{m('score.title')}</h2>
      <p className="reporter-muted">{m('score.intro')}</p>
      <div className="reporter-score-total" aria-live="polite">
        <span>{m('score.total')}: </span>
        <strong data-testid="live-total">{pts(score.total)}</strong>
        <span> / {pts(max)}</span>
        {band && (
          <div>
            <StatusTag tone={CLASS_TONES[band.id] ?? 'grey'} testId="live-class">
              {m('score.class', { label: pick(band.label) })}
            </StatusTag>
          </div>
        )}
      </div>
      <p className="no-print">
        <a href="#whatif-title-form">{m('score.whatIf')}</a>
      </p>
      {website && (
        <p className="reporter-muted" data-testid="live-website-note">
          {pick(website)}
        </p>
      )}
      <Collapse
        size="small"
        items={score.categories.map((c) => ({
          key: c.id,
          label: (
            <span className="reporter-score-cat">
              <span>
                {c.id}. {pick(c.name)}
              </span>
              <strong data-testid={`live-category-${c.id}`}>
                {waiting(c.id)
                  ? m('score.noWebsite', { max: pts(c.max) })
                  : m('score.of', { points: pts(c.points), max: pts(c.max) })}
              </strong>
            </span>
          ),
          forceRender: true,
          children: (
            <ul className="reporter-score-list" aria-label={m('score.criteria', { id: c.id })}>
              {(byCategory.get(c.id) ?? []).map((k) => (
                <li key={k.id} data-testid="live-criterion" data-id={k.id} data-points={pts(k.points)}>
                  <div className="reporter-score-row">
                    <span>
                      <a href={`#crit-${k.id}`}>{k.id}</a>{' '}
                      {pick(layout.group.criteriaById.get(k.id)?.def.name)}
                    </span>
                    <strong>
                      {pts(k.points)}/{pts(k.max)}
                    </strong>
                  </div>
                  {k.explanation && <div className="reporter-explain">{pick(k.explanation)}</div>}
                </li>
              ))}
            </ul>
          ),
        }))}
      />
    </section>
  );
});
