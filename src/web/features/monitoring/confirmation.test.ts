import { describe, expect, it } from 'vitest';
import { confirmBody, evidencePage, keptValue, missingReasons } from './confirmation.ts';
import type { FindingView } from './monitoringApi.ts';

const finding = (field: string, value: boolean | number | null, url?: string): FindingView => ({
  field,
  name: { vi: field },
  type: typeof value === 'number' ? 'integer' : 'boolean',
  value,
  evidence: url ? { url, excerpt: '…' } : null,
  reason: { vi: '' },
});

const qa = finding('ws_func_qa', false);
const news = finding('ws_news_per_month', 3, 'https://stttt.caobang.gov.vn/tin-tuc');
const map = finding('ws_intro_map', null);

describe('the assessor’s decisions on a snapshot', () => {
  it('keeps the proposal of a field not touched', () => {
    expect(keptValue(news, {})).toBe(3);
    expect(confirmBody([qa, news], {})).toEqual({ fields: {} });
  });

  it('asks a reason for a change, and a value where the detector found none', () => {
    expect(missingReasons([qa, news, map], {}).map((f) => f.field)).toEqual(['ws_intro_map']);
    const edits = {
      ws_func_qa: { value: true, reason: ' ' },
      ws_intro_map: { value: false, reason: 'Không có' },
    };
    expect(missingReasons([qa, news, map], edits).map((f) => f.field)).toEqual(['ws_func_qa']);
  });

  it('sends only the changed fields, with their reasons trimmed', () => {
    const edits = {
      ws_func_qa: { value: true, reason: '  Mục Hỏi đáp ở chân trang ' },
      ws_news_per_month: { value: 3, reason: '' },
    };
    expect(confirmBody([qa, news], edits)).toEqual({
      fields: { ws_func_qa: { value: true, reason: 'Mục Hỏi đáp ở chân trang' } },
    });
  });

  it('finds the stored page of a finding’s evidence, when it was kept', () => {
    const pages = [
      { id: 7, url: 'https://stttt.caobang.gov.vn/tin-tuc', stored: true },
      { id: 8, url: 'https://stttt.caobang.gov.vn/van-ban', stored: false },
    ] as never;
    expect(evidencePage({ pages }, news)?.id).toBe(7);
    expect(evidencePage({ pages }, qa)).toBeUndefined();
  });
});
