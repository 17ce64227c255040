/**
 * The draft decision of the provincial People's Committee publishing the year's results (R15),
 * with the ranking of each group as its annexes; number, date and signer from the publish step.
 */
import type { PublicationDecision, SnapshotContent } from '../results/results.schema.ts';
import { numberLine, type OfficialDocument, PROVINCIAL_COMMITTEE, paragraph, placeDate } from './model.ts';
import { notRankedTable, rankingTable } from './tables.ts';

export function draftDecision(
  content: SnapshotContent,
  decision: PublicationDecision | null,
  date: string,
): OfficialDocument {
  const year = content.cycle.year;
  const signer = (decision?.signerTitle ?? 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH')
    .split(/\s*\n\s*|\s+\/\s+/)
    .filter(Boolean);
  const romans = ['I', 'II', 'III', 'IV', 'V', 'VI'];
  return {
    parentBody: null,
    issuer: PROVINCIAL_COMMITTEE,
    number: numberLine(decision?.number ?? null, 'QĐ-UBND'),
    placeDate: placeDate(decision?.date ?? date),
    kind: 'QUYẾT ĐỊNH',
    summary: `Công bố kết quả đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin của các cơ quan nhà nước tỉnh Cao Bằng năm ${year}`,
    body: [
      { kind: 'paragraph', align: 'center', runs: [{ text: 'ỦY BAN NHÂN DÂN TỈNH CAO BẰNG', bold: true }] },
      paragraph('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;'),
      paragraph(
        'Căn cứ Quyết định số 2310/QĐ-UBND ngày 02/12/2016 của UBND tỉnh Cao Bằng ban hành Bộ tiêu chí đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin của các cơ quan nhà nước trên địa bàn tỉnh;',
      ),
      paragraph(`Theo đề nghị của Giám đốc Sở Thông tin và Truyền thông.`),
      { kind: 'paragraph', align: 'center', runs: [{ text: 'QUYẾT ĐỊNH:', bold: true }] },
      {
        kind: 'paragraph',
        indent: true,
        align: 'justify',
        runs: [
          { text: 'Điều 1. ', bold: true },
          {
            text: `Công bố kết quả đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin năm ${year} của các cơ quan nhà nước tỉnh Cao Bằng (${content.groups.map((g, i) => `Phụ lục ${romans[i] ?? i + 1}: ${g.name.vi}`).join('; ')}).`,
          },
        ],
      },
      {
        kind: 'paragraph',
        indent: true,
        align: 'justify',
        runs: [
          { text: 'Điều 2. ', bold: true },
          {
            text: 'Giao Sở Thông tin và Truyền thông thông báo kết quả đến từng cơ quan, đăng tải trên Cổng thông tin điện tử của tỉnh; các cơ quan căn cứ kết quả để có giải pháp nâng cao mức độ ứng dụng công nghệ thông tin.',
          },
        ],
      },
      {
        kind: 'paragraph',
        indent: true,
        align: 'justify',
        runs: [
          { text: 'Điều 3. ', bold: true },
          {
            text: 'Quyết định có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Thông tin và Truyền thông, Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện, thành phố chịu trách nhiệm thi hành Quyết định này./.',
          },
        ],
      },
    ],
    recipients: ['Như Điều 3', 'Chủ tịch, các PCT UBND tỉnh', 'Cổng TTĐT tỉnh', 'Lưu: VT, KGVX.'],
    signature: { lines: signer, name: decision?.signerName ?? '' },
    annexes: content.groups.map((g, i) => ({
      title: `PHỤ LỤC ${romans[i] ?? i + 1}: KẾT QUẢ XẾP HẠNG ${g.name.vi.toUpperCase()} NĂM ${year}`,
      subtitle: `(Kèm theo ${decision ? `Quyết định số ${decision.number}` : 'Quyết định số ……'} của UBND tỉnh Cao Bằng)`,
      landscape: g.categories.length > 4,
      body: [
        rankingTable(g),
        ...(g.notRanked.length
          ? [{ kind: 'heading' as const, text: 'Cơ quan không được xếp hạng' }, notRankedTable(g)]
          : []),
      ],
    })),
    title: `Quyết định công bố kết quả đánh giá mức độ ứng dụng CNTT năm ${year}`,
  };
}
