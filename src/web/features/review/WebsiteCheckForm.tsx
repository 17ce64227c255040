/**
 * A manual check of the agency's website (R5): one value per monitoring field of the group, as the
 * department saw the site. The server says which item is missing or wrong; its message is shown
 * by that item.
 */

import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Input } from 'antd';
import { useState } from 'react';
import { DateInput } from '../../components/DateInput.tsx';
import type { ReviewContext } from './context.ts';
import { m } from './messages.ts';
import { websiteChecksApi } from './reviewApi.ts';
import { fieldError, formError } from './serverError.ts';
import { pick } from './text.ts';
import { ErrorLine, FieldMessage } from './ui.tsx';
import { vnInstant, websiteCheckValues } from './websiteCheck.ts';

export function WebsiteCheckForm({ ctx }: { ctx: ReviewContext }) {
  const { message } = AntApp.useApp();
  const fields = ctx.data.values.filter((v) => v.source === 'monitoring');
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [checkedAt, setCheckedAt] = useState('');
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      websiteChecksApi.create(ctx.agencyId, {
        checkedAt: vnInstant(checkedAt),
        values: websiteCheckValues(fields, texts),
        note: note.trim() || null,
      }),
    onSuccess: async () => {
      void message.success(m('web.saved'));
      setTexts({});
      setNote('');
      await ctx.refresh();
    },
  });
  const fieldKeys = ['checkedAt', 'note', ...fields.map((f) => `values.${f.key}`)];
  return (
    <details className="review-form">
      <summary>
        <h3>{m('web.new')}</h3>
      </summary>
      <form
        className="review-form-body"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <label htmlFor="web-at">{m('web.checkedAt')}</label>
        <DateInput id="web-at" withTime className="review-date" value={checkedAt} onChange={setCheckedAt} />
        <FieldMessage id="web-at-error" message={fieldError(save.error, 'checkedAt')} />
        <div className="review-web-grid">
          {fields.map((f) => {
            const id = `web-${f.key}`;
            const error = fieldError(save.error, `values.${f.key}`);
            const text = texts[f.key] ?? '';
            const set = (v: string) => setTexts((t) => ({ ...t, [f.key]: v }));
            return (
              <div key={f.key} className="review-fix-row">
                <label htmlFor={id}>{pick(f.label)}</label>
                {f.type === 'boolean' || f.type === 'enum' ? (
                  <select
                    id={id}
                    value={text}
                    onChange={(e) => set(e.target.value)}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                  >
                    <option value="">{m('web.unset')}</option>
                    {f.type === 'boolean' ? (
                      <>
                        <option value="true">{m('val.yes')}</option>
                        <option value="false">{m('val.no')}</option>
                      </>
                    ) : (
                      (f.options ?? []).map((o) => (
                        <option key={o.value} value={o.value}>
                          {pick(o.label)}
                        </option>
                      ))
                    )}
                  </select>
                ) : (
                  <input
                    id={id}
                    className="review-text"
                    value={text}
                    inputMode={f.type === 'integer' || f.type === 'decimal' ? 'decimal' : undefined}
                    onChange={(e) => set(e.target.value)}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                  />
                )}
                <FieldMessage id={`${id}-error`} message={error} />
              </div>
            );
          })}
        </div>
        <label htmlFor="web-note">{m('web.note')}</label>
        <Input.TextArea
          id="web-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 6 }}
        />
        <ErrorLine error={formError(save.error, fieldKeys)} />
        <Button type="primary" htmlType="submit" loading={save.isPending} className="review-block">
          {m('web.save')}
        </Button>
      </form>
    </details>
  );
}
