import { describe, expect, it } from 'vitest';
import { bundledSet } from '../../../core/criteria/bundled.ts';
import type { Finding } from '../../../core/types.ts';
import { ApiError } from '../../api.ts';
import { layoutFor } from './formModel.ts';
import { attestationProblems, submissionSummary, submitErrorPlace } from './submission.ts';

const layout = layoutFor('cao-bang-2016', bundledSet('cao-bang-2016'), 'department');
const finding = (ruleId: string, severity: Finding['severity']): Finding => ({
  ruleId,
  severity,
  message: { vi: ruleId, en: ruleId },
  fields: [],
});

describe('the summary before submission', () => {
  it('lists the required fields still empty in form order, and counts the optional ones', () => {
    const values: Record<string, unknown> = Object.fromEntries(layout.agencyFields.map((f) => [f.key, 1]));
    delete values.total_computers;
    values.total_staff = null;
    delete values.internet_bandwidth_mbps;
    const s = submissionSummary(layout.agencyFields, values, []);
    expect(s.missing.map((f) => f.key)).toEqual(['total_staff', 'total_computers']);
    expect(s.emptyOptional).toBe(1);
  });

  it('does not count a value of 0 or "no" as empty', () => {
    const values = Object.fromEntries(
      layout.agencyFields.map((f) => [f.key, f.type === 'boolean' ? false : 0]),
    );
    expect(submissionSummary(layout.agencyFields, values, []).missing).toEqual([]);
  });

  it('counts the logic checks’ errors and warnings', () => {
    const s = submissionSummary([], {}, [
      finding('V01', 'error'),
      finding('V02', 'warning'),
      finding('V07', 'warning'),
    ]);
    expect([s.errors, s.warnings]).toEqual([1, 2]);
  });
});

describe('the attestation', () => {
  it('says what is missing, by input', () => {
    expect(attestationProblems({ attestedName: ' N ', attestedTitle: '', attest: false })).toEqual({
      attestedName: 'Hãy ghi họ tên thủ trưởng cơ quan',
      attestedTitle: 'Hãy ghi chức vụ',
      attest: 'Hãy đánh dấu ô xác nhận số liệu',
    });
  });

  it('may be sent once the head is named, with a position, and the box ticked', () => {
    expect(
      attestationProblems({ attestedName: 'Nông Văn A', attestedTitle: 'Giám đốc', attest: true }),
    ).toEqual({});
  });

  it('shows the server’s refusal by the input it names, or above the form', () => {
    expect(submitErrorPlace(new ApiError(400, 'invalid', 'Quá dài', 'attestedTitle'))).toBe('attestedTitle');
    expect(submitErrorPlace(new ApiError(409, 'stale', 'Phiếu đã thay đổi', 'version'))).toBe('form');
    expect(submitErrorPlace(new Error('mạng'))).toBe('form');
  });
});
