import { formatDateTime } from '../format/dates';
import { formatDuration } from '../monitor/format-duration';
import type { TimelineEntry, VariableChange } from './instance-page-api';
import { display } from './VariablesTable';

const KIND_LABEL: Record<TimelineEntry['kind'], string> = {
  task: 'Task',
  step: 'Automatic step',
  wait: 'Wait',
  incident: 'Incident',
  escalation: 'Escalation',
  event: 'Change',
};

/**
 * Every step of an instance, oldest first: who did it, when, how long it took, the
 * reminders and escalations that fired, incidents, and changes made by hand.
 */
export function InstanceTimeline({ entries, onShow, now = new Date() }: { entries: TimelineEntry[]; onShow?(elementId: string): void; now?: Date }) {
  if (entries.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  return (
    <ol className="timeline" aria-label="Timeline">
      {entries.map((entry) => (
        <li key={entry.id} className={`timeline-entry timeline-${entry.kind}`} data-kind={entry.kind}>
          <span className="timeline-dot" aria-hidden="true" />
          <div className="timeline-when small muted">{entry.at ? <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> : 'automatic'}</div>
          <div className="timeline-body">
            <p className="timeline-title">
              <span className="visually-hidden">{KIND_LABEL[entry.kind]}: </span>
              {entry.kind === 'task' && entry.taskId ? <a href={`#/task/${encodeURIComponent(entry.taskId)}`}>{entry.title}</a> : <strong>{entry.title}</strong>}
              {entry.elementName && entry.elementName !== entry.title && <span className="muted"> · {entry.elementName}</span>}
              {entry.kind !== 'step' && entry.state && <span className={`badge badge-${stateBadge(entry.state)}`}>{entry.state}</span>}
              {entry.overdue && <span className="badge badge-incident">overdue</span>}
              {onShow && entry.elementId && (
                <button type="button" className="button-link small" onClick={() => onShow(entry.elementId!)} aria-label={`Show on diagram: ${entry.elementName ?? entry.title}`}>
                  show on diagram
                </button>
              )}
            </p>
            <p className="small muted">{facts(entry, now)}</p>
            {entry.detail && <p className="timeline-detail">{entry.detail}</p>}
            {entry.changes && <Changes changes={entry.changes} />}
          </div>
        </li>
      ))}
    </ol>
  );
}

function Changes({ changes }: { changes: VariableChange[] }) {
  return (
    <ul className="timeline-changes small">
      {changes.map((change) => (
        <li key={change.name}>
          <code>{change.name}</code>: {'before' in change ? <del>{display(change.before)}</del> : <em>new</em>} → <ins>{display(change.after)}</ins>
        </li>
      ))}
    </ul>
  );
}

/** "by alice · took 2 h", "open for 5 min", "due 3 Dec 2026, 09:00". */
function facts(entry: TimelineEntry, now: Date): string {
  const parts: string[] = [];
  if (entry.actor) parts.push(`by ${entry.actor}`);
  if (entry.durationMs !== null) parts.push(`took ${formatDuration(entry.durationMs)}`);
  else if (entry.at && entry.endedAt === null && (entry.kind === 'task' || entry.kind === 'wait')) {
    parts.push(`open for ${formatDuration(now.getTime() - new Date(entry.at).getTime())}`);
  }
  if (entry.dueAt) parts.push(`due ${formatDateTime(entry.dueAt)}`);
  return parts.join(' · ');
}

function stateBadge(state: string): string {
  if (state === 'open') return 'active';
  if (state === 'resolved') return 'completed';
  return state;
}
