import { dueStatus, formatDateTime, formatRelative } from '../format/dates';

/** A task's due date; overdue ones stand out in red, those due within a day in amber. */
export function DueDate({ dueAt, done = false, inline = false }: { dueAt: string | null; done?: boolean; inline?: boolean }) {
  if (!dueAt) return <span className="muted">—</span>;
  const status = done ? 'later' : dueStatus(dueAt);
  return (
    <span className={`due due-${status}${inline ? ' due-inline' : ''}`} title={formatDateTime(dueAt)}>
      {status === 'overdue' && <span className="due-flag">Overdue</span>}
      <time dateTime={dueAt}>{formatDateTime(dueAt)}</time>
      {!done && <span className="due-relative">{formatRelative(dueAt)}</span>}
    </span>
  );
}
