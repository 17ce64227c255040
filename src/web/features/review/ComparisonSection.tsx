/**
 * Self-assessed against official points, criterion by criterion (R12), with every difference
 * explained by the server's comparison (review/compare.ts): the corrections, reviewer marks and
 * N/A decisions that caused it, with their reasons. Rows that differ say so in words ("≠ Khác").
 */
import { Checkbox } from 'antd';
import { useState } from 'react';
import { scoreVn } from '../../format.ts';
import type { ReviewContext } from './context.ts';
import { m } from './messages.ts';
import type { CriterionComparison } from './reviewApi.ts';
import { pick, signedScore } from './text.ts';
import { Badge, Section } from './ui.tsx';

export function ComparisonSection({ id, ctx }: { id: string; ctx: ReviewContext }) {
  const { comparison } = ctx.data;
  const differing = comparison.criteria.filter((c) => c.difference !== 0 || c.reasons.length > 0);
  const [onlyDiff, setOnlyDiff] = useState(false);
  const rows = onlyDiff ? differing : comparison.criteria;
  const officialCats = new Map(comparison.official.categories.map((c) => [c.id, c]));
  return (
    <Section id={id} title={m('sec.compare')}>
      <p>{m('cmp.intro')}</p>
      <table className="review-table review-cats" aria-label={m('cmp.categories')}>
        <thead>
          <tr>
            <th scope="col">{m('cmp.category')}</th>
            <th scope="col" className="num">
              {m('cmp.max')}
            </th>
            <th scope="col" className="num">
              {m('cmp.self')}
            </th>
            <th scope="col" className="num">
              {m('cmp.official')}
            </th>
            <th scope="col" className="num">
              {m('cmp.diff')}
            </th>
          </tr>
        </thead>
        <tbody>
          {comparison.self.categories.map((c) => {
            const o = officialCats.get(c.id);
            const diff = (o?.points ?? 0) - c.points;
            return (
              <tr key={c.id} className={diff !== 0 ? 'review-differs' : undefined}>
                <th scope="row" data-label={m('cmp.category')}>
                  {pick(c.name)}
                </th>
                <td data-label={m('cmp.max')} className="num">
                  {scoreVn(c.max)}
                </td>
                <td data-label={m('cmp.self')} className="num">
                  {scoreVn(c.points)}
                </td>
                <td data-label={m('cmp.official')} className="num">
                  {scoreVn(o?.points ?? 0)}
                </td>
                <td data-label={m('cmp.diff')} className="num">
                  {signedScore(Math.round(diff * 100) / 100)}
                  {diff !== 0 && <span className="review-diff-word"> {m('cmp.differs')}</span>}
                </td>
              </tr>
            );
          })}
          <tr className="review-total-row">
            <th scope="row" data-label={m('cmp.category')}>
              {m('cmp.total')}
            </th>
            <td data-label={m('cmp.max')} className="num">
              {scoreVn(comparison.self.categories.reduce((s, c) => s + c.max, 0))}
            </td>
            <td data-label={m('cmp.self')} className="num">
              {scoreVn(comparison.self.total)} · {pick(comparison.self.classLabel)}
            </td>
            <td data-label={m('cmp.official')} className="num">
              {scoreVn(comparison.official.total)} · {pick(comparison.official.classLabel)}
            </td>
            <td data-label={m('cmp.diff')} className="num">
              {signedScore(comparison.difference)}
            </td>
          </tr>
        </tbody>
      </table>

      <Checkbox checked={onlyDiff} onChange={(e) => setOnlyDiff(e.target.checked)} className="review-block">
        {m('cmp.onlyDiff', { n: differing.length })}
      </Checkbox>
      {rows.length === 0 ? (
        <p>{m('cmp.none')}</p>
      ) : (
        <table className="review-table review-compare" data-testid="comparison">
          <caption className="visually-hidden">{m('cmp.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{m('cmp.criterion')}</th>
              <th scope="col" className="num">
                {m('cmp.max')}
              </th>
              <th scope="col" className="num">
                {m('cmp.self')}
              </th>
              <th scope="col" className="num">
                {m('cmp.official')}
              </th>
              <th scope="col" className="num">
                {m('cmp.diff')}
              </th>
              <th scope="col">{m('cmp.why')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <CriterionRow key={c.id} c={c} />
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function CriterionRow({ c }: { c: CriterionComparison }) {
  const differs = c.difference !== 0;
  return (
    <tr data-criterion={c.id} className={differs ? 'review-differs' : undefined}>
      <th scope="row" data-label={m('cmp.criterion')}>
        <span className="review-code">{c.id}</span> {pick(c.name)}
      </th>
      <td data-label={m('cmp.max')} className="num">
        {scoreVn(c.max)}
      </td>
      <td data-label={m('cmp.self')} className="num" data-testid="self">
        {scoreVn(c.self.points)}
      </td>
      <td data-label={m('cmp.official')} className="num" data-testid="official">
        {scoreVn(c.official.points)}
      </td>
      <td data-label={m('cmp.diff')} className="num" data-testid="diff">
        {differs ? (
          <>
            <strong>{signedScore(c.difference)}</strong>
            <span className="review-diff-word"> {m('cmp.differs')}</span>
          </>
        ) : (
          <span className="review-muted">{m('cmp.same')}</span>
        )}
      </td>
      <td data-label={m('cmp.why')} data-testid="reasons">
        {c.reasons.length > 0 && (
          <ul className="review-reasons">
            {c.reasons.map((r, i) => (
              <li key={`${r.kind}-${r.fieldKey ?? i}`}>
                <Badge>{m(`reason.${r.kind}`)}</Badge> {pick(r.text)}
              </li>
            ))}
          </ul>
        )}
        {differs && c.reasons.length === 0 && <p className="review-reason-none">{m('cmp.noReason')}</p>}
        <details className="review-how">
          <summary>{m('cmp.details')}</summary>
          <dl>
            <dt>{m('cmp.howSelf')}</dt>
            <dd>{pick(c.self.explanation)}</dd>
            <dt>{m('cmp.howOfficial')}</dt>
            <dd>{pick(c.official.explanation)}</dd>
          </dl>
        </details>
      </td>
    </tr>
  );
}
