/** Every string of the Excel form screens, Vietnamese first. */
import { defineMessages } from '../../i18n/messages.ts';

export const m = defineMessages({
  'wb.download': { vi: 'Tải biểu mẫu Excel', en: 'Download the Excel form' },
  'wb.upload': { vi: 'Nộp từ tệp Excel', en: 'Submit from an Excel file' },
  'wb.uploadFor': {
    vi: 'Nhập phiếu từ tệp Excel cơ quan gửi',
    en: 'Enter the form from the agency’s Excel file',
  },
  'wb.uploadCorrect': {
    vi: 'Điều chỉnh số liệu từ tệp Excel',
    en: 'Correct values from an Excel file',
  },
  'wb.warnings': {
    vi: 'Cảnh báo kiểm tra logic của số liệu sau khi lưu ({n})',
    en: 'Logic check warnings of the values once saved ({n})',
  },
  'wb.warningsHelp': {
    vi: 'Đây là các kiểm tra như trên phiếu web; có thể vẫn lưu, nhưng hãy xem lại các ô được nêu.',
    en: 'These are the web form’s checks; you may still save, but review the cells named.',
  },
  'wb.noWarnings': {
    vi: 'Số liệu sau khi lưu không vi phạm kiểm tra logic nào.',
    en: 'The values once saved fail no logic check.',
  },
  'wb.cells': { vi: 'Ô: {cells}', en: 'Cells: {cells}' },
  'wb.reason': { vi: 'Lý do điều chỉnh (bắt buộc)', en: 'Reason for the corrections (required)' },
  'wb.reasonShort': {
    vi: 'Hãy ghi lý do, ít nhất 5 ký tự',
    en: 'Enter a reason of at least 5 characters',
  },
  'wb.confirmCorrect': { vi: 'Ghi các điều chỉnh', en: 'Record the corrections' },
  'wb.reading': { vi: 'Đang kiểm tra tệp…', en: 'Checking the file…' },
  'wb.help': {
    vi: 'Tải biểu mẫu, điền vào các ô màu vàng trong Excel, rồi nộp lại tệp: hệ thống kiểm tra như trên phiếu web và cho xem trước mọi thay đổi trước khi lưu.',
    en: 'Download the form, fill in the yellow cells in Excel and upload the file: it is checked like the web form and every change is shown before it is saved.',
  },
  'wb.rejected': {
    vi: 'Tệp chưa được nhận, chưa lưu gì',
    en: 'The file was not accepted; nothing was saved',
  },
  'wb.previewTitle': { vi: 'Xem trước thay đổi từ tệp "{name}"', en: 'Changes from "{name}"' },
  'wb.previewIntro': {
    vi: '{n} ô sẽ thay đổi, {same} ô giữ nguyên. Chưa có gì được lưu: bấm "Lưu vào phiếu" để lưu.',
    en: '{n} cell(s) will change, {same} stay the same. Nothing is saved yet: press "Save to the form".',
  },
  'wb.noChange': {
    vi: 'Tệp không thay đổi giá trị nào của phiếu.',
    en: 'The file changes no value of the form.',
  },
  'wb.cell': { vi: 'Ô', en: 'Cell' },
  'wb.field': { vi: 'Nội dung', en: 'Item' },
  'wb.old': { vi: 'Hiện tại', en: 'Now' },
  'wb.new': { vi: 'Từ tệp', en: 'From the file' },
  'wb.empty': { vi: '(trống)', en: '(empty)' },
  'wb.yes': { vi: 'Có', en: 'Yes' },
  'wb.no': { vi: 'Không', en: 'No' },
  'wb.confirm': { vi: 'Lưu vào phiếu', en: 'Save to the form' },
  'wb.cancel': { vi: 'Hủy', en: 'Cancel' },
  'wb.zip': { vi: 'Nhập nhiều biểu mẫu (tệp .zip)', en: 'Enter many forms (.zip)' },
  'wb.zipChoose': { vi: 'Chọn tệp .zip các biểu mẫu', en: 'Choose the .zip of forms' },
  'wb.changes': { vi: 'Các thay đổi', en: 'Changes' },
  'wb.zipCheck': { vi: 'Kiểm tra tệp .zip', en: 'Check the .zip' },
  'wb.zipSave': { vi: 'Lưu các biểu mẫu hợp lệ', en: 'Save the valid forms' },
  'wb.zipFile': { vi: 'Tệp', en: 'File' },
  'wb.zipAgency': { vi: 'Cơ quan', en: 'Agency' },
  'wb.zipResult': { vi: 'Kết quả', en: 'Result' },
  'wb.st.ready': { vi: 'Hợp lệ: {n} ô sẽ thay đổi', en: 'Valid: {n} cell(s) will change' },
  'wb.st.saved': { vi: 'Đã lưu {n} ô', en: 'Saved {n} cell(s)' },
  'wb.st.unchanged': { vi: 'Không có thay đổi', en: 'No change' },
  'wb.st.rejected': { vi: 'Bị từ chối', en: 'Refused' },
});
