/**
 * The open-data pages (R20): which years can be downloaded, and for one revision its files with
 * what each holds, its size and its columns, so that a person can pick a file and a program can
 * start from datapackage.json. Same layout and escaping as the other public pages.
 */
import { formatInstantVn } from '../../../core/calendar/time.ts';
import { html } from './html.ts';
import { layout } from './public.pages.ts';
import type { OpenDataRevision, OpenDataYear } from './read-open-data.ts';
import { DATA_PACKAGE, OPEN_DATA_LICENSE } from './read-open-data.ts';

const vnDate = (iso: string): string => formatInstantVn(Date.parse(iso)).slice(0, 10);
/** "1,2 kB", "830 B": sizes as Vietnamese write them. */
const size = (bytes: number): string =>
  bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1).replace('.', ',')} kB`;

const about = html`<p>Dữ liệu mở được sử dụng tự do, ghi rõ nguồn (Nghị định 47/2020/NĐ-CP; giấy phép
<a href="${OPEN_DATA_LICENSE.path}">${OPEN_DATA_LICENSE.name}</a>). Mỗi năm có tệp <code>${DATA_PACKAGE}</code> mô tả
các tệp và từng cột theo chuẩn <a href="https://specs.frictionlessdata.io/data-package/">Frictionless Data Package</a>;
tệp CSV dùng mã UTF-8, dấu phẩy ngăn cột, dấu chấm thập phân (dành cho phần mềm; bảng tính Excel tiếng Việt
dùng tệp tải về ở trang kết quả). Địa chỉ các tệp không đổi: <code>/du-lieu-mo/&lt;năm&gt;/&lt;tệp&gt;</code> là lần
công bố hiện hành, <code>/du-lieu-mo/&lt;năm&gt;/lan/&lt;N&gt;/&lt;tệp&gt;</code> là lần công bố thứ N.</p>`;

/** GET /du-lieu-mo: the published years. */
export function openDataIndexPage(years: readonly OpenDataYear[]): string {
  const title = 'Dữ liệu mở: kết quả đánh giá mức độ ứng dụng CNTT';
  return layout(
    title,
    html`<h1>${title}</h1>
${about}
${
  years.length === 0
    ? html`<p>Chưa có kết quả nào được công bố.</p>`
    : html`<div class="scroll"><table>
<caption>Các năm có dữ liệu</caption>
<thead><tr><th scope="col">Năm</th><th scope="col">Kỳ đánh giá</th><th scope="col">Công bố gần nhất</th><th scope="col" class="n">Số lần công bố</th><th scope="col">Mô tả gói dữ liệu</th></tr></thead>
<tbody>${years.map(
        (y) =>
          html`<tr><th scope="row"><a href="/du-lieu-mo/${y.year}">${y.year}</a></th><td>${y.title}</td><td>${vnDate(y.publishedAt)}</td><td class="n">${y.revisions}</td><td><a href="/du-lieu-mo/${y.year}/${DATA_PACKAGE}">${DATA_PACKAGE}</a></td></tr>`,
      )}</tbody>
</table></div>`
}`,
  );
}

/** GET /du-lieu-mo/:year[/lan/:n]: one revision's files. */
export function openDataYearPage(r: OpenDataRevision, base: string): string {
  const c = r.content;
  const year = c.cycle.year;
  const title = `Dữ liệu mở năm ${year}${c.revision === r.latest ? '' : ` (lần công bố ${c.revision})`}`;
  return layout(
    title,
    html`<h1>${title}</h1>
<dl>
<dt>Kỳ đánh giá</dt><dd>${c.cycle.title}</dd>
<dt>Lần công bố</dt><dd>${c.revision}, ngày ${vnDate(c.publishedAt)}${c.revision === r.latest ? ' (hiện hành)' : html` — <a href="/du-lieu-mo/${year}">xem lần hiện hành (lần ${r.latest})</a>`}</dd>
<dt>Bộ tiêu chí</dt><dd>${c.criteria.title}, phiên bản ${c.criteria.version}</dd>
<dt>Mô tả gói dữ liệu</dt><dd><a href="${base}/${DATA_PACKAGE}">${DATA_PACKAGE}</a></dd>
</dl>
<div class="scroll"><table>
<caption>Các tệp</caption>
<thead><tr><th scope="col">Tệp</th><th scope="col">Nội dung</th><th scope="col">Các cột</th><th scope="col" class="n">Dung lượng</th></tr></thead>
<tbody>${r.files.map(
      (f) =>
        html`<tr><th scope="row"><a href="${base}/${f.path}">${f.path}</a></th><td>${f.title}. ${f.description}</td><td>${
          f.columns
            ? f.columns.map((col, i) => html`${i > 0 ? ', ' : ''}<code>${col.name}</code> (${col.title})`)
            : '—'
        }</td><td class="n">${size(f.body.length)}</td></tr>`,
    )}</tbody>
</table></div>
${about}
<p><a href="/ket-qua/${year}${c.revision === r.latest ? '' : `?ban=${c.revision}`}">Xem kết quả năm ${year} trên trang công khai</a>.</p>`,
  );
}
