/**
 * The yearly summary of the feedback on the regulation for the provincial People's Committee
 * (Điều 13, last paragraph): a report of the department in the annual report's format (Decree 30,
 * the same document model, DOCX and PDF), the items by topic and criterion with their answers,
 * and, for the items taken into the next version, what that version changed — the criteria
 * comparison (criteria-diff.ts) of the version the item was raised under and the next one.
 */
import { formatNumber } from '../../../core/format.ts';
import type { CriteriaDiff } from '../criteria/criteria.schema.ts';
import {
  type Block,
  DEPARTMENT,
  numberLine,
  type OfficialDocument,
  PROVINCIAL_COMMITTEE_SHORT,
  paragraph,
  placeDate,
} from '../documents/model.ts';
import type { FeedbackListRow } from './feedback.repo.ts';
import { aboutOf, KIND_LABELS, STATUS_LABELS } from './feedback-words.ts';

/** A version change an adopted item points to: the two versions' labels and their comparison. */
export interface VersionChange {
  readonly from: string;
  readonly to: string;
  readonly diff: CriteriaDiff;
}

export interface SummaryInput {
  readonly year: number;
  /** The items raised in the year, with names. */
  readonly items: readonly FeedbackListRow[];
  /** By "fromId→toId": the comparison each adopted item with a next version points to. */
  readonly changes: ReadonlyMap<string, VersionChange>;
  /** The document's date (yyyy-mm-dd, Vietnam). */
  readonly date: string;
}

export const changeKey = (from: string | null, to: string) => `${from ?? ''}→${to}`;

const collator = new Intl.Collator('vi', { numeric: true });
const NO_TOPIC = 'Chưa xếp chủ đề';
const SUBJECT_ORDER = { criterion: 0, form: 1, process: 2 } as const;

const ATTRIBUTE: Record<string, string> = {
  name: 'tên',
  max: 'điểm tối đa',
  formula: 'cách tính điểm',
  notApplicable: 'trường hợp không áp dụng',
  monitoredOnWebsite: 'theo dõi trên trang thông tin điện tử',
  category: 'hạng mục',
};

const shown = (v: unknown): string => {
  if (typeof v === 'number') return formatNumber(v, 'vi');
  if (v && typeof v === 'object' && 'vi' in v) return String((v as { vi: unknown }).vi);
  return typeof v === 'string' ? v : '';
};

/** One criterion's change in words: "điểm tối đa 5 → 6; cách tính điểm". */
function changeWords(changes: readonly { attribute: string; from: unknown; to: unknown }[]): string {
  return changes
    .map((c) => {
      const what = ATTRIBUTE[c.attribute] ?? c.attribute;
      return c.attribute === 'max' || c.attribute === 'name'
        ? `${what}: ${shown(c.from)} → ${shown(c.to)}`
        : what;
    })
    .join('; ');
}

/** What the comparison says about one criterion (every group that has it), or null when nothing. */
export function criterionChange(diff: CriteriaDiff, criterionId: string): string | null {
  const lines: string[] = [];
  for (const g of diff.groups) {
    const group = g.name.vi;
    if (g.criteria.removed.some((c) => c.id === criterionId)) lines.push(`bỏ tiêu chí (${group})`);
    if (g.criteria.added.some((c) => c.id === criterionId)) lines.push(`thêm tiêu chí (${group})`);
    const changed = g.criteria.changed.find((c) => c.id === criterionId);
    if (changed) lines.push(`sửa ${changeWords(changed.changes)} (${group})`);
  }
  return lines.length ? lines.join('; ') : null;
}

/** The comparison as table rows: group, criterion or part, change. */
export function diffRows(diff: CriteriaDiff): string[][] {
  const rows: string[][] = [];
  for (const g of diff.groups) {
    const group = g.name.vi;
    if (g.status === 'added') rows.push([group, 'Cả nhóm', 'Thêm nhóm']);
    if (g.status === 'removed') rows.push([group, 'Cả nhóm', 'Bỏ nhóm']);
    for (const c of g.categories.maxChanged)
      rows.push([group, `Hạng mục ${c.id}. ${c.name.vi}`, `Điểm tối đa: ${shown(c.from)} → ${shown(c.to)}`]);
    for (const c of g.criteria.added)
      rows.push([group, `${c.id}. ${c.name.vi}`, `Thêm tiêu chí (${shown(c.max)} điểm)`]);
    for (const c of g.criteria.removed) rows.push([group, `${c.id}. ${c.name.vi}`, 'Bỏ tiêu chí']);
    for (const c of g.criteria.changed)
      rows.push([group, `${c.id}. ${c.name.vi}`, `Sửa ${changeWords(c.changes)}`]);
  }
  const f = diff.fields;
  if (f.added.length || f.removed.length || f.changed.length)
    rows.push([
      'Phiếu thu thập',
      'Trường số liệu',
      [
        f.added.length ? `thêm ${f.added.length} (${f.added.map((x) => x.label.vi).join('; ')})` : '',
        f.removed.length ? `bỏ ${f.removed.length} (${f.removed.map((x) => x.label.vi).join('; ')})` : '',
        f.changed.length ? `sửa ${f.changed.length} (${f.changed.map((x) => x.label.vi).join('; ')})` : '',
      ]
        .filter(Boolean)
        .join('; '),
    ]);
  const v = diff.validations;
  if (v.added.length || v.removed.length || v.changed.length)
    rows.push([
      'Phiếu thu thập',
      'Kiểm tra logic',
      `thêm ${v.added.length}, bỏ ${v.removed.length}, sửa ${v.changed.length}`,
    ]);
  if (!rows.length) rows.push(['—', '—', 'Không có thay đổi về tiêu chí, điểm và phiếu thu thập']);
  return rows;
}

const who = (i: FeedbackListRow) => i.agencyName ?? i.raiserName;

/** The order inside a topic: by criterion (1.2 before 1.10), then the form, then the process. */
function byCriterion(a: FeedbackListRow, b: FeedbackListRow): number {
  return (
    SUBJECT_ORDER[a.subject] - SUBJECT_ORDER[b.subject] ||
    collator.compare(a.criterionId ?? '', b.criterionId ?? '') ||
    a.raisedAt.getTime() - b.raisedAt.getTime()
  );
}

function resultOf(i: FeedbackListRow): string {
  const status = STATUS_LABELS[i.status].vi;
  if (i.status === 'adopted' && i.nextVersionLabel) return `${status} (${i.nextVersionLabel})`;
  return status;
}

export function feedbackSummary({ year, items, changes, date }: SummaryInput): OfficialDocument {
  const byTopic = new Map<string, FeedbackListRow[]>();
  for (const i of items) {
    const topic = i.topicName ?? NO_TOPIC;
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), i]);
  }
  const topics = [...byTopic.keys()].sort((a, b) =>
    a === NO_TOPIC ? 1 : b === NO_TOPIC ? -1 : collator.compare(a, b),
  );
  const count = (f: (i: FeedbackListRow) => boolean) => items.filter(f).length;
  const sources = new Set(items.map(who)).size;
  const adopted = items.filter((i) => i.status === 'adopted').sort(byCriterion);

  const body: Block[] = [
    paragraph(
      `Thực hiện Quyết định số 2310/QĐ-UBND ngày 02/12/2016 của UBND tỉnh Cao Bằng ban hành Bộ tiêu chí đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin của các cơ quan nhà nước trên địa bàn tỉnh (Điều 11, Điều 13), Sở Thông tin và Truyền thông tổng hợp các khó khăn, vướng mắc và đề xuất về Bộ tiêu chí, phiếu thu thập số liệu và quy trình đánh giá nhận được trong năm ${year} như sau:`,
    ),
    { kind: 'heading', text: 'I. TÌNH HÌNH CHUNG' },
    paragraph(
      `Trong năm ${year}, Sở nhận được ${items.length} ý kiến của ${sources} cơ quan, cá nhân: ${count((i) => i.kind === 'difficulty')} ý kiến nêu khó khăn, vướng mắc và ${count((i) => i.kind === 'proposal')} đề xuất; ${count((i) => i.subject === 'criterion')} ý kiến về tiêu chí cụ thể, ${count((i) => i.subject === 'form')} ý kiến về phiếu thu thập số liệu, ${count((i) => i.subject === 'process')} ý kiến về quy trình đánh giá.`,
    ),
    paragraph(
      `Kết quả xử lý: đã trả lời ${count((i) => i.status === 'answered')} ý kiến, tiếp thu vào phiên bản sau của Bộ tiêu chí ${adopted.length} ý kiến, không tiếp thu ${count((i) => i.status === 'declined')} ý kiến${count((i) => i.status === 'new') ? `, còn ${count((i) => i.status === 'new')} ý kiến đang xem xét` : ''}.`,
    ),
    { kind: 'heading', text: 'II. NỘI DUNG CÁC Ý KIẾN VÀ TRẢ LỜI CỦA SỞ' },
  ];
  topics.forEach((topic, t) => {
    const list = [...byTopic.get(topic)!].sort(byCriterion);
    body.push(
      { kind: 'heading', text: `${t + 1}. ${topic} (${list.length} ý kiến)` },
      {
        kind: 'table',
        columns: [
          { title: 'STT', width: 5, align: 'center' },
          { title: 'Nội dung', width: 20 },
          { title: 'Ý kiến', width: 30 },
          { title: 'Trả lời của Sở', width: 30 },
          { title: 'Kết quả', width: 15 },
        ],
        rows: list.map((i, n) => [
          String(n + 1),
          aboutOf(i).vi,
          `${KIND_LABELS[i.kind].vi} (${who(i)}): ${i.text}`,
          i.answer ?? '—',
          resultOf(i),
        ]),
      },
    );
  });
  body.push({ kind: 'heading', text: 'III. CÁC Ý KIẾN ĐƯỢC TIẾP THU VÀO PHIÊN BẢN SAU CỦA BỘ TIÊU CHÍ' });
  if (!adopted.length)
    body.push(paragraph(`Trong năm ${year} chưa có ý kiến nào được tiếp thu vào phiên bản sau.`));
  for (const i of adopted) {
    const change = i.nextVersionId ? changes.get(changeKey(i.criteriaVersionId, i.nextVersionId)) : undefined;
    let where: string;
    if (!i.nextVersionId || !change)
      where = 'Sẽ được thể hiện trong phiên bản tiếp theo của Bộ tiêu chí (chưa ban hành).';
    else if (i.criterionId) {
      const words = criterionChange(change.diff, i.criterionId);
      where = words
        ? `Đã thể hiện trong ${change.to} (so với ${change.from}): ${words}.`
        : `${change.to} không thay đổi tiêu chí ${i.criterionId}; các thay đổi của phiên bản tại Phụ lục.`;
    } else where = `Đã thể hiện trong ${change.to}; các thay đổi so với ${change.from} tại Phụ lục.`;
    body.push({
      kind: 'paragraph',
      indent: true,
      align: 'justify',
      runs: [{ text: `- ${aboutOf(i).vi}: `, bold: true }, { text: `${i.answer ?? ''} ${where}` }],
    });
  }
  body.push(
    { kind: 'heading', text: 'IV. KIẾN NGHỊ' },
    paragraph(
      `Sở Thông tin và Truyền thông kính đề nghị UBND tỉnh xem xét các ý kiến nêu trên để sửa đổi, bổ sung Bộ tiêu chí đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin cho phù hợp với tình hình thực tế.`,
    ),
  );
  const pairs = [...changes.values()];
  return {
    parentBody: PROVINCIAL_COMMITTEE_SHORT,
    issuer: DEPARTMENT,
    number: numberLine(null, 'BC-STTTT'),
    placeDate: placeDate(date),
    kind: 'BÁO CÁO',
    summary: `Tổng hợp khó khăn, vướng mắc và đề xuất về Bộ tiêu chí đánh giá mức độ ứng dụng công nghệ thông tin năm ${year}`,
    body,
    recipients: ['UBND tỉnh (báo cáo)', 'Ban Chỉ đạo (báo cáo)', 'Lưu: VT, CNTT.'],
    signature: { lines: ['GIÁM ĐỐC'], name: '' },
    annexes: pairs.length
      ? [
          {
            title: 'PHỤ LỤC: NHỮNG THAY ĐỔI CỦA BỘ TIÊU CHÍ',
            subtitle: `(Kèm theo Báo cáo tổng hợp góp ý về Bộ tiêu chí năm ${year})`,
            body: pairs.flatMap((p, n): Block[] => [
              { kind: 'heading', text: `${n + 1}. ${p.to} so với ${p.from}` },
              {
                kind: 'table',
                columns: [
                  { title: 'Nhóm', width: 25 },
                  { title: 'Tiêu chí, nội dung', width: 35 },
                  { title: 'Thay đổi', width: 40 },
                ],
                rows: diffRows(p.diff),
              },
            ]),
          },
        ]
      : [],
    title: `Tổng hợp góp ý về Bộ tiêu chí năm ${year}`,
  };
}
