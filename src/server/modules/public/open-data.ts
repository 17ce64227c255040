/**
 * The open data of a published year (R20): the frozen revision as files that a machine reads
 * without scraping the pages, described by a Frictionless Data Package (`datapackage.json`,
 * https://specs.frictionlessdata.io/data-package/) so that each column has a name, a type and a
 * Vietnamese title. Built only from the published document and the criteria version it was scored
 * with, so it can never show more than the public page does.
 *
 * The CSV files are for programs, not for Excel under Vietnamese settings (the ranking downloads
 * on the results page are): UTF-8 without BOM, comma separated, "." decimals, RFC 4180 quoting
 * only where a field needs it, and values as published (no formula defusing, which would change
 * them). `ket-qua.json` is exactly what `chiso score` prints for that year (interchange.md), so
 * anyone can rescore the year with the published criteria set and compare.
 */
import { createHash } from 'node:crypto';
import type { CompiledSet } from '../../../core/criteria/compile.ts';
import type { CriteriaSet } from '../../../core/criteria/schema.ts';
import { interchangeOf } from '../results/export-formats.ts';
import type { SnapshotContent } from '../results/results.schema.ts';

type FieldType = 'string' | 'integer' | 'number' | 'boolean';

interface Column {
  name: string;
  type: FieldType;
  title: string;
  description?: string;
}

/** One file of the package: its descriptor and its bytes. */
export interface OpenDataFile {
  readonly name: string;
  readonly path: string;
  readonly title: string;
  readonly description: string;
  readonly mediatype: string;
  readonly body: Buffer;
  readonly columns?: readonly Column[];
  readonly primaryKey?: readonly string[];
}

/** What the package says about its origin (licence and where the pages are). */
export interface PackageMeta {
  /** The revision's canonical content hash, as the results page and the audit record it. */
  readonly contentHash: string;
  /** SPDX-like licence id and title, from the settings. */
  readonly license: { readonly name: string; readonly title: string; readonly path?: string };
}

/** Whole hundredths of published points (87.25 → 8725), exactly: snapshots hold two decimals. */
const hundredths = (p: number): number => Math.round(p * 100);
/** Points for machines: "87.25", "90.00". */
const num = (p: number): string => {
  const h = hundredths(p);
  const abs = Math.abs(h);
  return `${h < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};

/** One CSV field, quoted only when it must be (RFC 4180). */
function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function csv(columns: readonly Column[], rows: readonly (readonly (string | number | boolean | null)[])[]) {
  const lines = [columns.map((c) => c.name), ...rows].map((r) => r.map(cell).join(','));
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

const RESULT_COLUMNS: readonly Column[] = [
  {
    name: 'group',
    type: 'string',
    title: 'Mã nhóm',
    description: 'department: sở, ban, ngành; district: UBND huyện, thành phố',
  },
  { name: 'group_name', type: 'string', title: 'Tên nhóm' },
  {
    name: 'rank',
    type: 'integer',
    title: 'Thứ hạng trong nhóm',
    description: 'Trống khi cơ quan không được xếp hạng',
  },
  { name: 'code', type: 'string', title: 'Mã cơ quan' },
  { name: 'agency', type: 'string', title: 'Tên cơ quan (tại kỳ đánh giá)' },
  { name: 'total', type: 'number', title: 'Tổng điểm', description: 'Thang 100, hai chữ số thập phân' },
  { name: 'class', type: 'string', title: 'Mã xếp loại' },
  { name: 'class_label', type: 'string', title: 'Xếp loại' },
  {
    name: 'not_ranked_reason',
    type: 'string',
    title: 'Lý do không xếp hạng',
    description:
      'late: nộp muộn; missing: không nộp (Điều 5 Quyết định 2310/QĐ-UBND). Trống khi được xếp hạng',
  },
  {
    name: 'self_total',
    type: 'number',
    title: 'Điểm cơ quan tự chấm',
    description:
      'Điểm tự đánh giá theo số liệu cơ quan nộp (spec/interchange.md). Trống khi cơ quan không nộp',
  },
];

const CATEGORY_COLUMNS: readonly Column[] = [
  { name: 'group', type: 'string', title: 'Mã nhóm' },
  { name: 'code', type: 'string', title: 'Mã cơ quan' },
  { name: 'category', type: 'string', title: 'Mã hạng mục' },
  { name: 'category_name', type: 'string', title: 'Tên hạng mục' },
  { name: 'points', type: 'number', title: 'Điểm đạt' },
  { name: 'max', type: 'number', title: 'Điểm tối đa của hạng mục trong nhóm' },
];

const CRITERION_SCORE_COLUMNS: readonly Column[] = [
  { name: 'group', type: 'string', title: 'Mã nhóm' },
  { name: 'code', type: 'string', title: 'Mã cơ quan' },
  {
    name: 'criterion',
    type: 'string',
    title: 'Mã tiêu chí',
    description: 'Tên và điểm tối đa trong tieu-chi.csv',
  },
  { name: 'points', type: 'number', title: 'Điểm đạt' },
];

const CRITERIA_COLUMNS: readonly Column[] = [
  { name: 'group', type: 'string', title: 'Mã nhóm' },
  { name: 'category', type: 'string', title: 'Mã hạng mục' },
  { name: 'category_name', type: 'string', title: 'Tên hạng mục' },
  { name: 'criterion', type: 'string', title: 'Mã tiêu chí' },
  { name: 'criterion_name', type: 'string', title: 'Tên tiêu chí' },
  { name: 'max', type: 'number', title: 'Điểm tối đa' },
  {
    name: 'not_applicable_allowed',
    type: 'boolean',
    title: 'Được đề nghị "không áp dụng"',
    description: 'Tiêu chí không áp dụng được tính đủ điểm khi Sở chấp thuận',
  },
  {
    name: 'monitored_on_website',
    type: 'boolean',
    title: 'Chấm theo kết quả theo dõi trang thông tin điện tử',
  },
];

/** The files of a published revision, in the order the package lists them. */
export function openDataFiles(
  content: SnapshotContent,
  set: CriteriaSet,
  compiled: CompiledSet,
): OpenDataFile[] {
  const year = content.cycle.year;
  const resultRows = content.groups.flatMap((g) => [
    ...g.ranking.map((r) => [
      g.id,
      g.name.vi,
      r.rank,
      r.code,
      r.name,
      num(r.total),
      r.class,
      r.classLabel.vi,
      null,
      r.selfTotal === undefined ? null : num(r.selfTotal),
    ]),
    ...g.notRanked.map((n) => [
      g.id,
      g.name.vi,
      null,
      n.code,
      n.name,
      null,
      null,
      null,
      n.reason,
      n.selfTotal === undefined ? null : num(n.selfTotal),
    ]),
  ]);
  const categoryRows = content.groups.flatMap((g) =>
    g.ranking.flatMap((r) =>
      r.categories.map((c) => [
        g.id,
        r.code,
        c.id,
        g.categories.find((x) => x.id === c.id)?.name.vi ?? '',
        num(c.points),
        num(c.max),
      ]),
    ),
  );
  const criterionScoreRows = content.groups.flatMap((g) => {
    const order = compiled.groupsById.get(g.id)?.criteria.map((k) => k.id) ?? [];
    return g.ranking.flatMap((r) =>
      [...order, ...Object.keys(r.criteria).filter((id) => !order.includes(id))]
        .filter((id) => id in r.criteria)
        .map((id) => [g.id, r.code, id, num(r.criteria[id]!)]),
    );
  });
  const criteriaRows = compiled.groups.flatMap((g) =>
    g.categories.flatMap((c) =>
      c.criteria.map((k) => [
        g.id,
        c.id,
        c.name.vi,
        k.id,
        k.def.name.vi,
        num(k.maxHundredths / 100),
        k.naAllowed,
        k.monitored,
      ]),
    ),
  );
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  return [
    {
      name: 'ket-qua',
      path: 'ket-qua.csv',
      title: `Kết quả xếp hạng năm ${year}`,
      description:
        'Mỗi dòng một cơ quan: nhóm, thứ hạng, tổng điểm, xếp loại; cơ quan không xếp hạng có lý do.',
      mediatype: 'text/csv',
      body: csv(RESULT_COLUMNS, resultRows),
      columns: RESULT_COLUMNS,
      primaryKey: ['code'],
    },
    {
      name: 'diem-hang-muc',
      path: 'diem-hang-muc.csv',
      title: `Điểm theo hạng mục năm ${year}`,
      description:
        'Điểm của từng cơ quan được xếp hạng ở từng hạng mục, cùng điểm tối đa của hạng mục trong nhóm.',
      mediatype: 'text/csv',
      body: csv(CATEGORY_COLUMNS, categoryRows),
      columns: CATEGORY_COLUMNS,
      primaryKey: ['code', 'category'],
    },
    {
      name: 'diem-tieu-chi',
      path: 'diem-tieu-chi.csv',
      title: `Điểm theo tiêu chí năm ${year}`,
      description: 'Điểm của từng cơ quan được xếp hạng ở từng tiêu chí.',
      mediatype: 'text/csv',
      body: csv(CRITERION_SCORE_COLUMNS, criterionScoreRows),
      columns: CRITERION_SCORE_COLUMNS,
      primaryKey: ['code', 'criterion'],
    },
    {
      name: 'tieu-chi',
      path: 'tieu-chi.csv',
      title: `Bộ tiêu chí ${set.id} phiên bản ${content.criteria.version}`,
      description: 'Các tiêu chí chấm điểm của năm theo nhóm và hạng mục, với điểm tối đa.',
      mediatype: 'text/csv',
      body: csv(CRITERIA_COLUMNS, criteriaRows),
      columns: CRITERIA_COLUMNS,
      primaryKey: ['group', 'criterion'],
    },
    {
      name: 'ket-qua-json',
      path: 'ket-qua.json',
      title: `Kết quả năm ${year} theo định dạng trao đổi`,
      description:
        'Đúng như lệnh `chiso score` in ra khi chấm lại năm này bằng bộ tiêu chí bo-tieu-chi.json (tài liệu interchange.md).',
      mediatype: 'application/json',
      body: json(interchangeOf(content, compiled)),
    },
    {
      name: 'bo-tieu-chi',
      path: 'bo-tieu-chi.json',
      title: 'Bộ tiêu chí đầy đủ (công thức, trường số liệu, kiểm tra logic)',
      description: 'Bộ tiêu chí dùng để chấm năm này, dạng dữ liệu mà hệ thống nạp.',
      mediatype: 'application/json',
      body: json(set),
    },
  ];
}

/** The sha256 of a file, as the package writes it. */
const sha256 = (body: Buffer): string => createHash('sha256').update(body).digest('hex');

/** The Data Package descriptor of a revision's files. */
export function dataPackage(content: SnapshotContent, files: readonly OpenDataFile[], meta: PackageMeta) {
  const year = content.cycle.year;
  return {
    profile: 'data-package',
    name: `chiso-ket-qua-${year}`,
    id: `chiso-${year}-lan-${content.revision}-${meta.contentHash.slice(0, 16)}`,
    title: `${content.cycle.title} — kết quả đã công bố (lần ${content.revision})`,
    description:
      `Kết quả đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin của các cơ quan nhà nước tỉnh Cao Bằng năm ${year} ` +
      'theo Quyết định số 2310/QĐ-UBND ngày 02/12/2016 của UBND tỉnh Cao Bằng, do Sở Thông tin và Truyền thông công bố. ' +
      'Phương pháp chấm điểm: trang /phuong-phap và tệp bo-tieu-chi.json.',
    version: String(content.revision),
    created: content.publishedAt,
    keywords: ['chỉ số ứng dụng CNTT', 'Cao Bằng', String(year)],
    licenses: [meta.license],
    sources: [{ title: 'Trang kết quả công khai', path: `/ket-qua/${year}?ban=${content.revision}` }],
    contentHash: meta.contentHash,
    criteria: { set: content.criteria.setId, version: content.criteria.version, hash: content.criteria.hash },
    resources: files.map((f) => ({
      name: f.name,
      path: f.path,
      title: f.title,
      description: f.description,
      format: f.path.endsWith('.csv') ? 'csv' : 'json',
      mediatype: f.mediatype,
      encoding: 'utf-8',
      bytes: f.body.length,
      hash: `sha256:${sha256(f.body)}`,
      ...(f.columns
        ? {
            profile: 'tabular-data-resource',
            dialect: { delimiter: ',', doubleQuote: true, header: true, lineTerminator: '\r\n' },
            schema: {
              fields: f.columns.map((c) => ({
                name: c.name,
                type: c.type,
                title: c.title,
                ...(c.description ? { description: c.description } : {}),
                ...(c.type === 'number' ? { decimalChar: '.' } : {}),
              })),
              ...(f.primaryKey ? { primaryKey: [...f.primaryKey] } : {}),
              missingValues: [''],
            },
          }
        : { profile: 'data-resource' }),
    })),
  };
}
