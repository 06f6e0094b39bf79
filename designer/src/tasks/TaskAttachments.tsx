import { useRef, useState, type ChangeEvent } from 'react';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDateTime } from '../format/dates';
import { useResource } from '../hooks/use-resource';
import { ATTACHMENT_TYPES, attachmentHref, listAttachments, MAX_ATTACHMENT_MB, uploadAttachment } from './api';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The task's files: download links, and an upload while the task is open. */
export function TaskAttachments({ taskId, open }: { taskId: string; open: boolean }) {
  const files = useResource(() => listAttachments(taskId), [taskId]);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await uploadAttachment(taskId, file);
      await files.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <section className="card" aria-labelledby="files-title">
      <h2 className="card-title" id="files-title">
        Attachments
      </h2>
      <ErrorMessage error={files.error} />
      {files.data?.length === 0 && <p className="muted">No files attached.</p>}
      <ul className="task-files">
        {(files.data ?? []).map((file) => (
          <li key={file.id}>
            <a href={attachmentHref(file.id)} download={file.fileName}>
              {file.fileName}
            </a>{' '}
            <span className="muted">
              {size(file.size)} · {file.uploadedBy}, {formatDateTime(file.createdAt)}
            </span>
          </li>
        ))}
      </ul>
      {open && (
        <label className="field">
          <span>Attach a file</span>
          <small className="hint" id="attach-hint">
            PDF, image, text, CSV or Office file, at most {MAX_ATTACHMENT_MB} MB
          </small>
          <input ref={input} type="file" accept={ATTACHMENT_TYPES} aria-describedby="attach-hint" disabled={busy} onChange={(event) => void upload(event)} />
        </label>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
