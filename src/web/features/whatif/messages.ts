/** Every string of the what-if panel (form and result page), Vietnamese first, English second. */
import { defineMessages } from '../../i18n/messages.ts';

export const m = defineMessages({
  'whatif.title': { vi: 'Thử giả định', en: 'What if' },
  'whatif.badge': { vi: 'Mô phỏng — không lưu', en: 'Simulation — not saved' },
  'whatif.intro': {
    vi: 'Thay đổi thử số liệu để xem điểm và xếp loại thay đổi thế nào. Đây chỉ là mô phỏng trong trình duyệt: không lưu, không gửi đi, không thay đổi {what}.',
    en: 'Try other values to see how the score and class would change. This is only a simulation in your browser: nothing is saved or sent, and {what} does not change.',
  },
  'whatif.what.form': { vi: 'phiếu của cơ quan', en: 'the form' },
  'whatif.what.result': { vi: 'kết quả đã công bố', en: 'the published result' },
  'whatif.now': { vi: 'Điểm hiện tại', en: 'Current score' },
  'whatif.simulated': { vi: 'Điểm giả định', en: 'Simulated score' },
  'whatif.difference': { vi: 'Chênh lệch', en: 'Difference' },
  'whatif.class': { vi: 'Xếp loại', en: 'Class' },
  'whatif.next': {
    vi: 'Để đạt {label} cần thêm khoảng {points} điểm; rẻ nhất là: {list}.',
    en: 'To reach {label} you need about {points} more points; the cheapest are: {list}.',
  },
  'whatif.nextUnreachable': {
    vi: 'Để đạt {label} cần thêm {points} điểm, nhiều hơn số điểm còn có thể đạt thêm ({left} điểm).',
    en: 'To reach {label} you need {points} more points, more than the {left} points still open.',
  },
  'whatif.top': {
    vi: 'Điểm này đã ở xếp loại cao nhất ({label}).',
    en: 'This score is in the top class ({label}).',
  },
  'whatif.pick': {
    vi: '{id} {name} (+{gain} điểm, công sức {effort})',
    en: '{id} {name} (+{gain} points, effort {effort})',
  },
  'whatif.gainsTitle': {
    vi: 'Tiêu chí còn thiếu điểm, xếp theo điểm tăng được trên mỗi đơn vị công sức',
    en: 'Criteria with points to gain, by points gained per unit of effort',
  },
  'whatif.gainsNote': {
    vi: 'Công sức theo bộ tiêu chí (1 = bình thường; bộ tiêu chí không nêu thì tính là 1).',
    en: 'Effort as the criteria set states it (1 = ordinary; 1 when the set says nothing).',
  },
  'whatif.col.criterion': { vi: 'Tiêu chí', en: 'Criterion' },
  'whatif.col.points': { vi: 'Điểm', en: 'Points' },
  'whatif.col.gain': { vi: 'Còn thiếu', en: 'To gain' },
  'whatif.col.effort': { vi: 'Công sức', en: 'Effort' },
  'whatif.col.perEffort': { vi: 'Điểm / công sức', en: 'Points / effort' },
  'whatif.try': { vi: 'Thử', en: 'Try' },
  'whatif.tryLabel': { vi: 'Thử thay đổi tiêu chí {id}', en: 'Try changing criterion {id}' },
  'whatif.criterion': { vi: 'Tiêu chí muốn thử', en: 'Criterion to try' },
  'whatif.choose': { vi: '— chọn tiêu chí —', en: '— choose a criterion —' },
  'whatif.fields': { vi: 'Số liệu giả định của tiêu chí {id}', en: 'Simulated values of criterion {id}' },
  'whatif.noFields': {
    vi: 'Tiêu chí này không có số liệu nào cơ quan tự thay đổi được (do Sở TT&TT chấm).',
    en: 'This criterion has no value the agency can change (the department scores it).',
  },
  'whatif.yes': { vi: 'Có', en: 'Yes' },
  'whatif.no': { vi: 'Không', en: 'No' },
  'whatif.empty': { vi: '(trống)', en: '(empty)' },
  'whatif.changed': { vi: 'Đã thay đổi thử', en: 'Changed in the simulation' },
  'whatif.changedLine': { vi: '{label}: {from} → {to}', en: '{label}: {from} → {to}' },
  'whatif.undo': { vi: 'Bỏ thay đổi {label}', en: 'Undo {label}' },
  'whatif.effects': { vi: 'Tiêu chí đổi điểm', en: 'Criteria whose points change' },
  'whatif.effectLine': { vi: '{id} {name}: {from} → {to} điểm', en: '{id} {name}: {from} → {to} points' },
  'whatif.reset': { vi: 'Đặt lại như thực tế', en: 'Reset to the real values' },
  'whatif.nothing': {
    vi: 'Chưa thay đổi gì: điểm giả định bằng điểm hiện tại.',
    en: 'Nothing changed yet: the simulated score is the current one.',
  },
  'whatif.invalid': { vi: 'Không phải số hợp lệ, chưa tính', en: 'Not a valid number, not counted' },
});
