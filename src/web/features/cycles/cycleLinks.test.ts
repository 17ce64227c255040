import { describe, expect, it } from 'vitest';
import { cycleLinks } from './cycleLinks.ts';

const links = (role: Parameters<typeof cycleLinks>[0], state: Parameters<typeof cycleLinks>[1]['state']) =>
  cycleLinks(role, { id: 'c27', state }).map((l) => `${l.label} → ${l.to}`);

describe('the pages of a cycle on the home page', () => {
  it('lead an agency to its report once the cycle is open, and to the result once published', () => {
    expect(links('reporter', 'draft')).toEqual([]);
    expect(links('reporter', 'open')).toEqual(['Báo cáo của cơ quan → /bao-cao/c27']);
    expect(links('reporter', 'published')).toEqual([
      'Báo cáo của cơ quan → /bao-cao/c27',
      'Kiến nghị về kết quả → /ky/c27/kien-nghi',
      'Kết quả → /ky/c27/ket-qua',
    ]);
  });

  it('lead an agency to its appeals once the result is approved, the department to answer them', () => {
    expect(links('reporter', 'under_review')).not.toContain('Kiến nghị về kết quả → /ky/c27/kien-nghi');
    expect(links('reporter', 'approved')).toEqual([
      'Báo cáo của cơ quan → /bao-cao/c27',
      'Kiến nghị về kết quả → /ky/c27/kien-nghi',
    ]);
    expect(links('assessor', 'approved')).toContain('Kiến nghị của các cơ quan → /ky/c27/xu-ly-kien-nghi');
    expect(links('viewer', 'approved')).toEqual([]);
  });

  it('lead the assessor to the progress board and the provisional result', () => {
    expect(links('assessor', 'under_review')).toEqual([
      'Tiến độ, thẩm định → /ky/c27/tien-do',
      'Kết quả → /ky/c27/ket-qua',
    ]);
  });

  it('lead the approver to the decision from the review on', () => {
    expect(links('approver', 'open')).not.toContain('Phê duyệt, công bố → /ky/c27/phe-duyet');
    expect(links('approver', 'approved')).toContain('Phê duyệt, công bố → /ky/c27/phe-duyet');
  });

  it('lead the administrator to manage any cycle, even a draft', () => {
    expect(links('admin', 'draft')).toEqual(['Quản lý kỳ → /quan-tri/ky-danh-gia/c27']);
  });

  it('show a viewer only the published result', () => {
    expect(links('viewer', 'under_review')).toEqual([]);
    expect(links('viewer', 'published')).toEqual(['Kết quả → /ky/c27/ket-qua']);
  });
});
