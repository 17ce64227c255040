import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CriteriaSet } from '../../../core/criteria/schema.ts';
import { compareCriteriaSets } from '../criteria/criteria-diff.ts';
import type { FeedbackListRow } from './feedback.repo.ts';
import { changeKey, criterionChange, diffRows, feedbackSummary } from './summary-document.ts';

const TEXT = readFileSync(new URL('../../../../criteria/cao-bang-2016.json', import.meta.url), 'utf8');
const bundled = (): CriteriaSet => JSON.parse(TEXT);

/** 2.0: criterion 1.1 renamed in the departments' group, 1.7 of the districts' group dropped. */
function revised(): CriteriaSet {
  const set = JSON.parse(TEXT);
  set.version = '2.0';
  set.groups[0].categories[0].criteria[0].name = { vi: 'Tỷ lệ cán bộ có máy tính' };
  set.groups[1].categories[0].criteria = set.groups[1].categories[0].criteria.filter(
    (c: { id: string }) => c.id !== '1.7',
  );
  return set;
}

const row = (o: Partial<FeedbackListRow>): FeedbackListRow =>
  ({
    id: o.id ?? 'x',
    kind: 'difficulty',
    subject: 'criterion',
    criteriaVersionId: 'v1',
    criterionId: '1.1',
    criterionName: 'Tỷ lệ CBCCVC được trang bị máy tính',
    text: 'Nội dung góp ý',
    fileId: null,
    raisedBy: 'u',
    raisedAt: new Date('2017-05-01T03:00:00Z'),
    status: 'new',
    topicId: null,
    answer: null,
    answeredBy: null,
    answeredAt: null,
    nextVersionId: null,
    revision: 0,
    raiserName: 'Nguyễn Văn A',
    raiserEmail: null,
    agencyName: 'Sở Xây dựng',
    answererName: null,
    topicName: null,
    versionLabel: 'cao-bang-2016 phiên bản 1.0-reconstructed',
    nextVersionLabel: null,
    file: null,
    ...o,
  }) as FeedbackListRow;

describe('the yearly summary of the feedback', () => {
  const diff = compareCriteriaSets(bundled(), revised());

  it('says what the next version did to one criterion, group by group', () => {
    expect(criterionChange(diff, '1.1')).toBe(
      'sửa tên: Tỷ lệ CBCCVC được trang bị máy tính → Tỷ lệ cán bộ có máy tính (Cơ quan chuyên môn thuộc UBND tỉnh)',
    );
    expect(criterionChange(diff, '1.7')).toBe('bỏ tiêu chí (UBND huyện, thành phố)');
    expect(criterionChange(diff, '2.1')).toBeNull();
    expect(diffRows(diff)).toContainEqual([
      'UBND huyện, thành phố',
      expect.stringMatching(/^1\.7\. /),
      'Bỏ tiêu chí',
    ]);
  });

  it('lists the items by topic (those without one last) and by criterion, 1.2 before 1.10', () => {
    const doc = feedbackSummary({
      year: 2017,
      date: '2017-12-20',
      changes: new Map([[changeKey('v1', 'v2'), { from: 'bản 1', to: 'bản 2', diff }]]),
      items: [
        row({ id: 'a', criterionId: '1.10', criterionName: 'Mười', topicName: 'Hạ tầng' }),
        row({ id: 'b', subject: 'process', criterionId: null, criterionName: null }),
        row({ id: 'c', criterionId: '1.2', criterionName: 'Hai', topicName: 'Hạ tầng' }),
        row({
          id: 'd',
          status: 'adopted',
          answer: 'Đã sửa tên tiêu chí.',
          nextVersionId: 'v2',
          nextVersionLabel: 'bản 2',
          topicName: 'Ảnh hưởng',
        }),
      ],
    });
    const headings = doc.body.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text);
    expect(headings).toEqual([
      'I. TÌNH HÌNH CHUNG',
      'II. NỘI DUNG CÁC Ý KIẾN VÀ TRẢ LỜI CỦA SỞ',
      '1. Ảnh hưởng (1 ý kiến)',
      '2. Hạ tầng (2 ý kiến)',
      '3. Chưa xếp chủ đề (1 ý kiến)',
      'III. CÁC Ý KIẾN ĐƯỢC TIẾP THU VÀO PHIÊN BẢN SAU CỦA BỘ TIÊU CHÍ',
      'IV. KIẾN NGHỊ',
    ]);
    const tables = doc.body.flatMap((b) => (b.kind === 'table' ? [b] : []));
    expect(tables[1]!.rows.map((r) => r[1])).toEqual(['Tiêu chí 1.2. Hai', 'Tiêu chí 1.10. Mười']);
    const adopted = JSON.stringify(doc.body);
    expect(adopted).toContain('Đã sửa tên tiêu chí. Đã thể hiện trong bản 2 (so với bản 1): sửa tên');
    expect(doc.annexes[0]!.title).toBe('PHỤ LỤC: NHỮNG THAY ĐỔI CỦA BỘ TIÊU CHÍ');
  });
});
