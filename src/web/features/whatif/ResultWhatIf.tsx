/**
 * The what-if panel on an agency's result page: the hypothetical values are put over the frozen,
 * verified values of the publication (and over every website check of the year, for the fields
 * the website monitor reads) and scored by `scoreAgency` exactly as the official score was, so
 * that with no change it shows the published total.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { parseInstant } from '../../../core/calendar/time.ts';
import type { Field } from '../../../core/criteria/schema.ts';
import { scoreAgency } from '../../../core/scoring/score.ts';
import { api } from '../../api.ts';
import { layoutFor } from '../reporter/formModel.ts';
import type { AgencyView } from '../results/resultsApi.ts';
import { WhatIfPanel } from './WhatIfPanel.tsx';

const changeable = (f: Field) => f.source !== 'reviewer';

export function ResultWhatIf(props: { view: AgencyView }) {
  const { view } = props;
  const sim = view.simulation;
  const criteria = useQuery({
    queryKey: ['criteria', sim?.criteriaVersionId],
    queryFn: () => api<{ content: unknown }>(`/criteria/${sim!.criteriaVersionId}`),
    enabled: sim !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const layout = useMemo(
    () =>
      sim && criteria.data
        ? layoutFor(sim.criteriaVersionId, criteria.data.content, view.agency.group)
        : null,
    [sim, criteria.data, view.agency.group],
  );
  const year = view.cycle.year;
  const score = useCallback(
    (overrides: Readonly<Record<string, unknown>>) => {
      const group = layout!.group;
      const own: Record<string, unknown> = { ...sim!.values };
      const website: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(overrides)) {
        own[key] = v;
        if (group.fieldsByKey.get(key)?.source === 'monitoring') website[key] = v;
      }
      return scoreAgency(
        layout!.compiled,
        {
          group: group.id,
          values: own,
          notApplicable: sim!.notApplicable,
          websiteChecks: sim!.websiteChecks.map((c) => ({
            checkedAt: c.checkedAt === null ? undefined : (parseInstant(c.checkedAt) ?? undefined),
            values: { ...c.values, ...website },
          })),
        },
        year,
      );
    },
    [layout, sim, year],
  );
  if (!sim || !layout) return null;
  return (
    <WhatIfPanel
      set={layout.compiled}
      groupId={layout.group.id}
      values={sim.values}
      score={score}
      changeable={changeable}
      context="result"
    />
  );
}
