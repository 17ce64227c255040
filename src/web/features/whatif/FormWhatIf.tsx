/**
 * The what-if panel on the agency's form: the hypothetical values are put over the form's values
 * (the agency's own fields) and over its statement about its website (fields of source
 * `monitoring`), and scored by `scoreSelf` exactly as the live self-score is; reviewer marks are
 * the department's and are not offered.
 */
import { useCallback, useMemo } from 'react';
import type { Field } from '../../../core/criteria/schema.ts';
import { latestCheck, scoreSelf, selfValues } from '../../../core/scoring/self.ts';
import type { FormLayout } from '../reporter/formModel.ts';
import { WhatIfPanel } from './WhatIfPanel.tsx';

const changeable = (f: Field) => f.source !== 'reviewer';

export function FormWhatIf(props: {
  layout: FormLayout;
  values: Readonly<Record<string, unknown>>;
  claims: readonly { criterionId: string }[];
  year: number;
  websiteCheck: { checkedAt: string; values: Record<string, unknown> } | null;
}) {
  const { layout, values, claims, year, websiteCheck } = props;
  const checks = useMemo(
    () =>
      websiteCheck ? [{ checkedAt: Date.parse(websiteCheck.checkedAt), values: websiteCheck.values }] : [],
    [websiteCheck],
  );
  const claimed = useMemo(() => claims.map((c) => c.criterionId), [claims]);
  const group = layout.group;
  const effective = useMemo(
    () => selfValues(group, { group: group.id, values, claimed }, latestCheck(checks)),
    [group, values, claimed, checks],
  );
  const score = useCallback(
    (overrides: Readonly<Record<string, unknown>>) => {
      const own: Record<string, unknown> = { ...values };
      const stated: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(overrides))
        if (group.fieldsByKey.get(key)?.source === 'monitoring') stated[key] = v;
        else own[key] = v;
      return scoreSelf(
        layout.compiled,
        { group: group.id, values: own, claimed, stated, websiteChecks: checks },
        year,
      );
    },
    [layout.compiled, group, values, claimed, checks, year],
  );
  return (
    <WhatIfPanel
      set={layout.compiled}
      groupId={group.id}
      values={effective}
      score={score}
      changeable={changeable}
      context="form"
    />
  );
}
