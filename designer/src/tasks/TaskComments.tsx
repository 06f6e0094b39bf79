import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDateTime } from '../format/dates';
import { useResource } from '../hooks/use-resource';
import { addComment, listComments } from './api';

/** The task's comments, oldest first, and a box to add one. */
export function TaskComments({ taskId }: { taskId: string }) {
  const comments = useResource(() => listComments(taskId), [taskId]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await addComment(taskId, text);
      setText('');
      await comments.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="comments-title">
      <h2 className="card-title" id="comments-title">
        Comments
      </h2>
      <ErrorMessage error={comments.error} />
      {comments.data?.length === 0 && <p className="muted">No comments yet.</p>}
      <ul className="task-comments">
        {(comments.data ?? []).map((comment) => (
          <li key={comment.id}>
            <strong>{comment.author}</strong> <span className="muted">{formatDateTime(comment.createdAt)}</span>
            <p>{comment.text}</p>
          </li>
        ))}
      </ul>
      <form onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span>Add a comment</span>
          <textarea value={text} onChange={(event) => setText(event.target.value)} rows={3} maxLength={4000} required />
        </label>
        <ErrorMessage error={error} />
        <button type="submit" className="button-secondary button-small" disabled={busy || !text.trim()}>
          {busy ? 'Posting…' : 'Post comment'}
        </button>
      </form>
    </section>
  );
}
