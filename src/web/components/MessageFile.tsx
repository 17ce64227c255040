/**
 * The file sent with a message on a query, as a download link with its name and size: the same on
 * the agency's form page and the department's review page.
 */
import { apiUrl } from '../api.ts';
import { fileSizeVn } from '../format.ts';
import { t } from '../i18n/messages.ts';

export function MessageFile(props: {
  cycleId: string;
  queryId: string;
  file: { id: string; filename: string; size: number } | null;
}) {
  const { file } = props;
  if (!file) return null;
  return (
    <div>
      <a
        href={apiUrl(`/cycles/${props.cycleId}/queries/${props.queryId}/files/${file.id}`)}
        download={file.filename}
      >
        {t('message.file', { name: file.filename, size: fileSizeVn(file.size) })}
      </a>
    </div>
  );
}
