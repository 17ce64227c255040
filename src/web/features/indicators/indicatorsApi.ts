/**
 * What the indicator screens read (src/server/modules/indicators/indicators.schema.ts is the
 * contract, imported as types only).
 */
import type {
  AgencyFigure,
  IndicatorDef,
  PeerView,
  ProvinceView,
  ScopeView,
  ShortcomingsView,
  YearView,
} from '../../../server/modules/indicators/indicators.schema.ts';
import { api } from '../../api.ts';

export type { AgencyFigure, IndicatorDef, PeerView, ProvinceView, ScopeView, ShortcomingsView, YearView };

export const indicatorsApi = {
  province: (q: { indicator?: string; year?: number; threshold?: number | null }) => {
    const p = new URLSearchParams();
    if (q.indicator) p.set('indicator', q.indicator);
    if (q.year) p.set('year', String(q.year));
    if (q.threshold !== undefined && q.threshold !== null) p.set('threshold', String(q.threshold));
    const s = p.toString();
    return api<ProvinceView>(`/indicators${s ? `?${s}` : ''}`);
  },
  peers: (agencyId: string) => api<PeerView>(`/indicators/agencies/${agencyId}`),
  shortcomings: () => api<ShortcomingsView>('/indicators/shortcomings'),
};
