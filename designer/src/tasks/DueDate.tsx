import { dueStatus, formatDateTime, formatRelative } from '../format/dates';

interface Props {
  dueAt: string | null;
  done?: boolean;
  inline?: boolean;
  /** The server's verdict; when given it decides the overdue mark (its clock, not the browser's). */
  overdue?: boolean;
}

/** A task's due date; overdue ones stand out in red, those due within a day in amber. */
export function DueDate({ dueAt, done = false, inline = false, overdue }: Props) {
  if (!dueAt) return <span className="muted">—</span>;
  const local = dueStatus(dueAt);
  const status = done ? 'later' : overdue === true ? 'overdue' : overdue === false && local === 'overdue' ? 'soon' : local;
  return (
    <span className={`due due-${status}${inline ? ' due-inline' : ''}`} title={formatDateTime(dueAt)}>
      {status === 'overdue' && <span className="due-flag">Overdue</span>}
      <time dateTime={dueAt}>{formatDateTime(dueAt)}</time>
      {!done && <span className="due-relative">{formatRelative(dueAt)}</span>}
    </span>
  );
}
