/** Texts of the backups screen (part of the admin catalogue, messages.ts). */
export const backupMessages = {
  'backups.title': { vi: 'Sao lưu dữ liệu', en: 'Backups' },
  'backups.intro': {
    vi: 'Mỗi bản sao lưu là một tệp chứa toàn bộ cơ sở dữ liệu (cơ quan, tài khoản, phiếu báo cáo, kết quả đã công bố, nhật ký) và mọi tệp đã tải lên, kèm mã kiểm tra của từng phần. Hãy tải bản mới nhất về và cất ở nơi khác máy chủ (ổ đĩa ngoài, máy lưu trữ của Sở): mất máy chủ mà không có bản sao ở nơi khác là mất dữ liệu của cả tỉnh.',
    en: 'Each backup is one file holding the whole database (agencies, accounts, forms, published results, history) and every uploaded file, with a check code for each part. Download the newest and keep it away from the server (an external disk, the department’s storage): losing the server without a copy elsewhere loses the whole province’s data.',
  },
  'backups.dailyOn': {
    vi: 'Máy chủ tự sao lưu mỗi đêm lúc 02:00 và giữ {keep} bản mới nhất trong thư mục sao lưu (đặt bằng CHISO_BACKUP_KEEP); bản cũ hơn được tự xóa.',
    en: 'The server backs up every night at 02:00 and keeps the newest {keep} in the backup folder (CHISO_BACKUP_KEEP); older ones are deleted.',
  },
  'backups.dailyOff': {
    vi: 'Dữ liệu nằm trên máy chủ PostgreSQL: hãy sao lưu máy chủ đó theo quy trình của đơn vị quản lý. Nút "Sao lưu ngay" vẫn tạo được một bản sao lưu của chiso (giữ {keep} bản mới nhất).',
    en: 'The data live on a PostgreSQL server: back that server up by its own procedure. "Back up now" still makes a chiso backup (the newest {keep} are kept).',
  },
  'backups.now': { vi: 'Sao lưu ngay', en: 'Back up now' },
  'backups.nowTitle': { vi: 'Sao lưu ngay bây giờ?', en: 'Back up now?' },
  'backups.nowWhat': {
    vi: 'Máy chủ tạo một bản sao lưu mới trong thư mục sao lưu (thường mất dưới một phút); người dùng vẫn làm việc bình thường trong lúc sao lưu. Nếu số bản vượt quá {keep}, bản cũ nhất bị xóa.',
    en: 'The server makes a new backup in the backup folder (usually under a minute); people keep working meanwhile. Beyond {keep} backups the oldest is deleted.',
  },
  'backups.started': { vi: 'Đang sao lưu…', en: 'Backing up…' },
  'backups.inProgress': {
    vi: 'Đang sao lưu: bản mới sẽ hiện trong danh sách khi xong (trang tự cập nhật).',
    en: 'A backup is in progress: it appears in the list when done (this page refreshes itself).',
  },
  'backups.list': { vi: 'Các bản sao lưu (mới nhất trước)', en: 'Backups (newest first)' },
  'backups.name': { vi: 'Tệp', en: 'File' },
  'backups.createdAt': { vi: 'Thời điểm sao lưu', en: 'Made at' },
  'backups.size': { vi: 'Dung lượng', en: 'Size' },
  'backups.download': { vi: 'Tải về', en: 'Download' },
  'backups.downloadOf': { vi: 'Tải về bản sao lưu {at}', en: 'Download the backup of {at}' },
  'backups.newest': { vi: 'mới nhất', en: 'newest' },
  'backups.empty': {
    vi: 'Chưa có bản sao lưu nào. Bấm "Sao lưu ngay" để tạo bản đầu tiên.',
    en: 'No backup yet. Press "Back up now" to make the first.',
  },
  'backups.restoreTitle': { vi: 'Khôi phục từ một bản sao lưu', en: 'Restoring a backup' },
  'backups.restore1': {
    vi: 'Việc khôi phục làm trên một máy chủ mới, chưa có dữ liệu (không ghi đè lên máy đang chạy): cài chiso theo hướng dẫn trong README.',
    en: 'A restore goes into a new server without data (never over the running one): install chiso as the README says.',
  },
  'backups.restore2': {
    vi: 'Chép tệp sao lưu sang máy đó và chạy lệnh: chiso restore TỆP (dữ liệu nhúng trong CHISO_DATA_DIR, hoặc máy chủ PostgreSQL nếu đặt DATABASE_URL — cách chuyển sang PostgreSQL).',
    en: 'Copy the backup there and run: chiso restore FILE (into the embedded data of CHISO_DATA_DIR, or a PostgreSQL server when DATABASE_URL is set — the way to move to PostgreSQL).',
  },
  'backups.restore3': {
    vi: 'Lệnh kiểm tra toàn bộ tệp trước khi ghi: tệp bị cắt cụt, bị sửa hay của phiên bản khác đều bị từ chối, không ghi gì. Sau đó chạy chiso serve và đăng nhập bằng các tài khoản có trong bản sao lưu.',
    en: 'It checks the whole file before writing: a truncated, altered or other-version file is refused and nothing is written. Then run chiso serve and sign in with the accounts of the backup.',
  },
} as const;
