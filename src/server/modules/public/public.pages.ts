/**
 * The public pages as plain HTML5 (R6, R7, R9, R12, R20): fast, printable, readable without
 * JavaScript (there is none), escaped through `html`. Numbers read "87,25", dates dd/mm/yyyy in
 * Vietnam time. A small inline stylesheet: system fonts, relative sizes (readable at 200% zoom),
 * tables that scroll sideways on a phone, and a print layout (no navigation, black on white, each
 * group from a new page).
 */
import { formatInstantVn } from '../../../core/calendar/time.ts';
import type {
  CriteriaSet,
  Category as SetCategory,
  Group as SetGroup,
} from '../../../core/criteria/schema.ts';
import { formatDate, formatPoints, formatPointsFixed } from '../../../core/format.ts';
import type { ResultGroup, SnapshotContent } from '../results/results.schema.ts';
import { type Html, html, raw } from './html.ts';
import type { MethodPage } from './read-method.ts';
import type { PublishedYear, YearPage } from './read-published-results.ts';

const STYLE = raw(`
:root{color-scheme:light}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff;margin:0 auto;padding:1rem;max-width:75rem}
header.site{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:0 1rem;border-bottom:1px solid #ccc;margin-bottom:.5rem}
header.site p{margin:.25rem 0}
.site-name{font-weight:700}
.site-name a{color:#0b3d7a;text-decoration:none}
header nav{flex-basis:100%}
header nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:0;padding:0 0 .5rem}
a{color:#0645ad}
h1{font-size:1.6rem;line-height:1.25}
h2{font-size:1.3rem;margin-top:2rem}
h3{font-size:1.1rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dt{font-weight:600}
dd{margin:0}
.scroll{overflow-x:auto;margin:0 0 1.5rem}
table{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #888;padding:.25rem .5rem;text-align:left;vertical-align:top}
thead th{background:#eef1f5}
@media (max-width:30rem){body{padding:.5rem}h1{font-size:1.3rem}caption{font-size:.95rem}th,td{padding:.2rem .3rem}thead th{font-size:.85rem}}
.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.note{border-left:.3rem solid #b35900;background:#fff6e8;padding:.25rem 1rem;margin:1rem 0}
.muted{color:#555}
@media print{
header nav,.site-sign-in,.noprint{display:none}
body{color:#000;background:#fff;max-width:none;padding:0;font-size:10.5pt}
a{color:#000;text-decoration:none}
thead th{background:none}
.note{background:none;border:1px solid #000}
.scroll{overflow:visible}
.group~.group{break-before:page}
thead{display:table-header-group}
tr{break-inside:avoid}
}`);

/** "31/12/2017": the Vietnam date of an ISO instant. */
const vnDate = (iso: string): string => formatInstantVn(Date.parse(iso)).slice(0, 10);
const hundredths = (points: number): number => Math.round(points * 100);
/** "87,25" (two decimals, for columns of scores). */
const score = (points: number): string => formatPointsFixed(hundredths(points), 'vi');
/** "20", "2,5" (maxima). */
const pts = (points: number): string => formatPoints(hundredths(points), 'vi');

/** "00:00 ngày 01/11/2018": the instant from which a form of the cycle was late (R9). */
const deadlineVn = (iso: string): string => {
  const t = formatInstantVn(Date.parse(iso));
  return `${t.slice(11, 16)} ngày ${t.slice(0, 10)}`;
};

/** The whole document around a page's main content (also the open-data pages'). */
export function layout(title: string, main: Html): string {
  return `<!doctype html>\n${
    html`<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>${STYLE}</style>
</head>
<body>
<header class="site">
<p class="site-name"><a href="/ket-qua">Chỉ số ứng dụng CNTT — Sở TT&amp;TT Cao Bằng</a></p>
<p class="site-sign-in"><a href="/">Đăng nhập</a></p>
<nav aria-label="Trang công khai"><ul>
<li><a href="/ket-qua">Kết quả đánh giá</a></li>
<li><a href="/phuong-phap">Phương pháp chấm điểm</a></li>
<li><a href="/du-lieu-mo">Dữ liệu mở</a></li>
</ul></nav></header>
<main>
${main}
</main>
<footer><p class="muted">Đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin của các cơ quan nhà nước tỉnh Cao Bằng
theo Quyết định số 2310/QĐ-UBND ngày 02/12/2016 của UBND tỉnh Cao Bằng. Sở Thông tin và Truyền thông tổ chức thực hiện.</p></footer>
</body>
</html>`.value
  }\n`;
}

/** The class bands from the highest down, with their range in words. */
function bandRows(classes: readonly { label: string; min: number; below?: number | undefined }[]): Html[] {
  return [...classes]
    .sort((a, b) => b.min - a.min)
    .map((c) => {
      const range =
        c.below === undefined
          ? `từ ${pts(c.min)} điểm trở lên`
          : c.min <= 0
            ? `dưới ${pts(c.below)} điểm`
            : `từ ${pts(c.min)} đến dưới ${pts(c.below)} điểm`;
      return html`<tr><th scope="row">${c.label}</th><td>${range}</td></tr>`;
    });
}

function bandsTable(classes: readonly { label: string; min: number; below?: number | undefined }[]): Html {
  return html`<div class="scroll"><table>
<caption>Xếp loại theo tổng điểm (Điều 7.1)</caption>
<thead><tr><th scope="col">Xếp loại</th><th scope="col">Tổng điểm</th></tr></thead>
<tbody>${bandRows(classes)}</tbody>
</table></div>`;
}

/** A snapshot's classes with each band's upper bound (the next band's minimum). */
function snapshotBands(content: SnapshotContent) {
  const sorted = [...content.classes].sort((a, b) => b.min - a.min);
  return sorted.map((c, i) => ({
    label: c.label.vi,
    min: c.min,
    below: i === 0 ? undefined : sorted[i - 1]!.min,
  }));
}

/** One group's ranking and its agencies not ranked (R6, R7, R9). */
function groupResult(g: ResultGroup, level: 2 | 3, deadline: string): Html {
  const h = (text: string) => (level === 2 ? html`<h2>${text}</h2>` : html`<h3>${text}</h3>`);
  const sub = (text: string) => (level === 2 ? html`<h3>${text}</h3>` : html`<h4>${text}</h4>`);
  const name = g.name.vi;
  const head = g.categories.map(
    (c) =>
      html`<th scope="col" class="n"><abbr title="${c.name.vi}">HM${c.id}</abbr><br>(tối đa ${pts(c.max)})</th>`,
  );
  const rows = g.ranking.map((r) => {
    const byId = new Map(r.categories.map((c) => [c.id, c.points]));
    return html`<tr><td class="n">${r.rank}</td><th scope="row">${r.name}</th>${g.categories.map(
      (c) => html`<td class="n">${score(byId.get(c.id) ?? 0)}</td>`,
    )}<td class="n"><strong>${score(r.total)}</strong></td><td>${r.classLabel.vi}</td></tr>`;
  });
  const notRanked =
    g.notRanked.length === 0
      ? html`<p>Mọi cơ quan trong nhóm đều nộp báo cáo đúng hạn và được xếp hạng.</p>`
      : html`<div class="scroll"><table>
<caption>Không xếp hạng — ${name} (${g.notRanked.length} cơ quan)</caption>
<thead><tr><th scope="col">Cơ quan</th><th scope="col">Lý do</th></tr></thead>
<tbody>${g.notRanked.map((n) => html`<tr><th scope="row">${n.name}</th><td>${n.reasonLabel.vi}</td></tr>`)}</tbody>
</table></div>`;
  return html`<section class="group">
${h(name)}
<div class="scroll"><table>
<caption>Bảng xếp hạng — ${name} (${g.ranking.length} cơ quan được xếp hạng)</caption>
<thead><tr><th scope="col" class="n">Hạng</th><th scope="col">Đơn vị</th>${head}<th scope="col" class="n">Tổng điểm<br>(tối đa 100)</th><th scope="col">Xếp loại</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="${g.categories.length + 4}">Không có cơ quan nào được xếp hạng.</td></tr>`}</tbody>
</table></div>
<p class="muted">${g.categories.map((c, i) => html`${i ? '; ' : ''}HM${c.id}: ${c.name.vi}`)}.</p>
${sub('Cơ quan không được xếp hạng')}
<p>Cơ quan nộp báo cáo muộn (từ ${deadlineVn(deadline)}, giờ Việt Nam — hạn nộp của kỳ này) hoặc không nộp thì không được đánh giá, xếp hạng (Điều 8.2).</p>
${notRanked}
</section>`;
}

const methodLine = html`<p>Cách tính điểm, các tiêu chí và thang điểm được công khai tại
<a href="/phuong-phap">trang phương pháp chấm điểm</a> để mỗi cơ quan tự đánh giá và đối chiếu.</p>`;

/** ", theo Quyết định số 2568/QĐ-UBND ngày 20/12/2017" when the decision was entered. */
const decisionText = (page: YearPage): string =>
  page.decision ? `, theo Quyết định số ${page.decision.number} ngày ${formatDate(page.decision.date)}` : '';

/** GET /ket-qua: the years with a published result and the latest year's ranking. */
export function indexPage(years: readonly PublishedYear[], latest: YearPage | null): string {
  const title = 'Kết quả đánh giá, xếp hạng mức độ ứng dụng CNTT';
  if (years.length === 0 || !latest)
    return layout(title, html`<h1>${title}</h1><p>Chưa có kết quả nào được công bố.</p>${methodLine}`);
  const c = latest.content;
  return layout(
    title,
    html`<h1>${title}</h1>
<p>Kết quả do Ban Chỉ đạo ứng dụng CNTT tỉnh phê duyệt và công bố hằng năm. Mỗi kết quả là bản đã công bố,
không thay đổi; nếu có điều chỉnh, kết quả được công bố lại kèm lý do và các bản trước vẫn xem được.</p>
<div class="scroll"><table>
<caption>Các năm đã công bố kết quả</caption>
<thead><tr><th scope="col">Năm</th><th scope="col">Ngày công bố</th><th scope="col" class="n">Số lần công bố</th></tr></thead>
<tbody>${years.map(
      (y) =>
        html`<tr><th scope="row"><a href="/ket-qua/${y.year}">${y.year}</a></th><td>${vnDate(y.publishedAt)}</td><td class="n">${y.revisions}</td></tr>`,
    )}</tbody>
</table></div>
<h2>Kết quả năm ${c.cycle.year}</h2>
<p>Công bố ngày ${vnDate(c.publishedAt)}${c.revision > 1 ? ` (lần công bố thứ ${c.revision})` : ''}${decisionText(latest)}.
<a href="/ket-qua/${c.cycle.year}">Xem chi tiết kết quả năm ${c.cycle.year}</a>.</p>
${c.groups.map((g) => groupResult(g, 3, c.cycle.deadline))}
<h3>Xếp loại</h3>
${bandsTable(snapshotBands(c))}
${methodLine}`,
  );
}

/** GET /ket-qua/:year: one revision of a year (the newest unless ?ban=N). */
export function yearPage(page: YearPage): string {
  const c = page.content;
  const year = c.cycle.year;
  const current = page.revisions.find((r) => r.number === c.revision);
  const earlier = page.revisions.filter((r) => r.number !== c.revision).reverse();
  const revisionNote =
    c.revision > 1
      ? html`<div class="note" role="note">
<p><strong>Kết quả điều chỉnh — lần công bố thứ ${c.revision}</strong>, ngày ${vnDate(c.publishedAt)}.</p>
<p>Lý do điều chỉnh: ${c.reason ?? current?.reason ?? '(không ghi)'}</p>
</div>`
      : '';
  const superseded =
    c.revision !== page.latest
      ? html`<div class="note" role="note"><p>Đây là lần công bố thứ ${c.revision}, đã được thay bằng lần công bố thứ ${page.latest}.
<a href="/ket-qua/${year}">Xem kết quả hiện hành</a>.</p></div>`
      : '';
  const others =
    earlier.length > 0
      ? html`<h2>Các lần công bố khác</h2><ul>${earlier.map(
          (r) =>
            html`<li><a href="/ket-qua/${year}?ban=${r.number}">Lần ${r.number}</a>, ngày ${vnDate(r.publishedAt)}${
              r.number === page.latest ? ' (hiện hành)' : ''
            }${r.reason ? html` — lý do: ${r.reason}` : ''}</li>`,
        )}</ul>`
      : '';
  const title = `Kết quả đánh giá, xếp hạng mức độ ứng dụng CNTT năm ${year}`;
  return layout(
    c.revision === page.latest ? title : `${title} (lần công bố ${c.revision})`,
    html`<h1>${title}</h1>
<dl>
<dt>Kỳ đánh giá</dt><dd>${c.cycle.title}</dd>
<dt>Ngày công bố</dt><dd>${vnDate(c.publishedAt)}</dd>
<dt>Lần công bố</dt><dd>${c.revision}</dd>
${page.decision ? html`<dt>Quyết định công bố</dt><dd>Số ${page.decision.number} ngày ${formatDate(page.decision.date)}, ${page.decision.signerTitle} ${page.decision.signerName} ký</dd>` : ''}
<dt>Bộ tiêu chí</dt><dd>${c.criteria.title}, phiên bản ${c.criteria.version}</dd>
</dl>
${superseded}${revisionNote}
<p>Hai nhóm được xếp hạng riêng (Điều 7.2): cơ quan chuyên môn thuộc UBND tỉnh và UBND các huyện, thành phố.
Cơ quan bằng điểm nhau cùng hạng.</p>
${c.groups.map((g) => groupResult(g, 2, c.cycle.deadline))}
<section>
<h2>Xếp loại</h2>
${bandsTable(snapshotBands(c))}
${methodLine}
<p>Dữ liệu mở của năm ${year} (CSV, JSON, mô tả theo chuẩn Data Package):
<a href="${c.revision === page.latest ? `/du-lieu-mo/${year}` : `/du-lieu-mo/${year}/lan/${c.revision}`}">tải về các tệp dữ liệu năm ${year}</a>.</p>
${others}
</section>`,
  );
}

/** The HTML 404: a year without a published result (or a revision that does not exist). */
export function notFoundPage(message: string): string {
  return layout(
    'Không tìm thấy kết quả',
    html`<h1>Không tìm thấy kết quả</h1><p>${message}</p><p><a href="/ket-qua">Về danh sách kết quả các năm</a></p>`,
  );
}

const STATUS_LABELS: Readonly<Record<CriteriaSet['status'], string>> = {
  official: 'Chính thức',
  reconstructed: 'Dựng lại (chưa phải văn bản chính thức)',
  draft: 'Dự thảo',
};

function categoryBlock(set: CriteriaSet, group: SetGroup, cat: SetCategory): Html {
  const gate = cat.gate ? set.fields.find((f) => f.key === cat.gate) : undefined;
  return html`<h3>Hạng mục ${cat.id}. ${cat.name.vi} (tối đa ${pts(cat.max)} điểm)</h3>
${
  cat.gate
    ? html`<p>Điều kiện của hạng mục: ${gate?.label.vi ?? cat.gate}. Khi điều kiện không đạt, mọi tiêu chí của hạng mục được 0 điểm
(trừ tiêu chí “không áp dụng” đã được xác nhận).</p>`
    : ''
}<div class="scroll"><table>
<caption>Tiêu chí của hạng mục ${cat.id} — ${group.name.vi}</caption>
<thead><tr><th scope="col">Mã</th><th scope="col">Tiêu chí</th><th scope="col" class="n">Tối đa</th><th scope="col">Cách tính điểm</th><th scope="col">Không áp dụng</th><th scope="col">Theo dõi trên trang TTĐT</th></tr></thead>
<tbody>${cat.criteria.map(
    (k) =>
      html`<tr><th scope="row">${k.id}</th><td>${k.name.vi}</td><td class="n">${pts(k.max)}</td><td>${
        k.formulaText?.vi ?? ''
      }</td><td>${k.notApplicable ? html`Được phép khi: ${k.notApplicable.when.vi}` : 'Không'}</td><td>${
        k.monitoredOnWebsite ? 'Có' : 'Không'
      }</td></tr>`,
  )}</tbody>
</table></div>`;
}

/** GET /phuong-phap: the scoring method, so that any agency can score itself (R12). */
export function methodPage(m: MethodPage): string {
  const { set } = m;
  const deadline =
    m.deadline && m.year !== null
      ? html` Kỳ đánh giá năm ${m.year}: nộp từ ${formatInstantVn(Date.parse(m.deadline))} (giờ Việt Nam) trở đi là nộp muộn.`
      : '';
  const notes = set.notes?.vi.split(/\n\s*\n/).map((p) => html`<p>${p}</p>`);
  const title = 'Phương pháp đánh giá, chấm điểm';
  return layout(
    title,
    html`<h1>${title}</h1>
<p>${set.title.vi}</p>
<dl>
<dt>Bộ tiêu chí</dt><dd>${set.id}, phiên bản ${set.version}</dd>
<dt>Tình trạng</dt><dd>${STATUS_LABELS[set.status]}</dd>
${set.decision ? html`<dt>Căn cứ</dt><dd>${set.decision}</dd>` : ''}
<dt>Áp dụng cho</dt><dd>${
      m.year === null
        ? 'Bộ tiêu chí đi kèm hệ thống (chưa có kỳ đánh giá nào)'
        : `Kỳ đánh giá năm ${m.year}${m.published ? ' (kết quả đã công bố)' : ''}`
    }</dd>
</dl>
${
  set.status === 'reconstructed'
    ? html`<div class="note" role="note"><p><strong>Lưu ý: đây là bộ tiêu chí dựng lại, chưa phải văn bản chính thức.</strong>
Phụ lục II và Phụ lục III của Quyết định 2310/QĐ-UBND chưa có sẵn; các tiêu chí dưới đây được dựng lại và sẽ được thay bằng văn bản chính thức.</p>
${notes ? html`<details><summary>Ghi chú của bộ tiêu chí</summary>${notes}</details>` : ''}</div>`
    : set.status === 'draft'
      ? html`<div class="note" role="note"><p><strong>Lưu ý: đây là bộ tiêu chí dự thảo.</strong></p></div>`
      : ''
}
<p>Phương pháp và thang điểm được công khai để mỗi cơ quan tự chấm điểm và so sánh với kết quả chính thức (Điều 4.2).</p>
<h2>Quy tắc chung</h2>
<ul>
<li>Tổng điểm tối đa ${pts(set.totalMax)} điểm, gồm năm hạng mục; điểm tối đa của từng hạng mục khác nhau giữa hai nhóm (Điều 5, Điều 6.3).</li>
<li>Hai nhóm được xếp hạng riêng (Điều 7.2), theo tổng điểm từ cao xuống thấp; các cơ quan bằng điểm nhau cùng hạng, hạng tiếp theo bỏ qua số tương ứng (1, 2, 2, 4).</li>
<li>Không áp dụng: tiêu chí mà cơ quan, do đặc thù, không có nhiệm vụ tương ứng được tính đủ điểm tối đa khi Sở TT&amp;TT xác nhận đề nghị “không áp dụng” của cơ quan (Điều 6). Chỉ các tiêu chí ghi “Được phép” dưới đây mới có thể đề nghị không áp dụng.</li>
<li>Hạn nộp: báo cáo phải nộp trước ngày 01/11 (hết ngày 31/10, giờ Việt Nam UTC+7). Báo cáo nộp từ 00:00 ngày 01/11 giờ Việt Nam trở đi là nộp muộn; cơ quan nộp muộn hoặc không nộp không được đánh giá, xếp hạng (Điều 8.2).${deadline}</li>
<li>Làm tròn: điểm của mỗi tiêu chí được làm tròn một lần đến 0,01 điểm (từ 0,005 làm tròn lên); điểm hạng mục và tổng điểm là tổng các điểm tiêu chí đã làm tròn.</li>
<li>Trang thông tin điện tử: các tiêu chí ghi “Có” ở cột “Theo dõi trên trang TTĐT” được Sở TT&amp;TT kiểm tra trực tiếp trên trang trong năm (Điều 6.2); điểm là trung bình điểm của các lần kiểm tra.</li>
<li>Mỗi tiêu chí có điểm từ 0 đến điểm tối đa của tiêu chí; “Cách tính điểm” nêu quy tắc chấm theo số liệu trong phiếu thu thập số liệu.</li>
</ul>
<h2>Xếp loại</h2>
${bandsTable(set.classes.map((c) => ({ label: c.label.vi, min: c.min, below: c.below })))}
${set.groups.map(
  (g) => html`<section class="group">
<h2>${g.name.vi}${g.appendix ? ` (${g.appendix})` : ''}</h2>
<div class="scroll"><table>
<caption>Các hạng mục — ${g.name.vi}</caption>
<thead><tr><th scope="col">Hạng mục</th><th scope="col">Tên</th><th scope="col" class="n">Điểm tối đa</th></tr></thead>
<tbody>${g.categories.map(
    (c) => html`<tr><th scope="row">${c.id}</th><td>${c.name.vi}</td><td class="n">${pts(c.max)}</td></tr>`,
  )}<tr><th scope="row" colspan="2">Tổng</th><td class="n">${pts(g.categories.reduce((s, c) => s + c.max, 0))}</td></tr></tbody>
</table></div>
${g.categories.map((c) => categoryBlock(set, g, c))}
</section>`,
)}`,
  );
}
