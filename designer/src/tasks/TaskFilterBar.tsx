import { TASK_FILTERS, type TaskFilter } from './deadline-view';
import './tasklist-deadlines.css';

/** Toggle buttons narrowing the current view: all, overdue, follow-up due, escalated. */
export function TaskFilterBar({ current, onChange }: { current: TaskFilter; onChange(filter: TaskFilter): void }) {
  return (
    <div className="task-filters" role="group" aria-label="Show">
      {TASK_FILTERS.map(({ filter, label, hint }) => (
        <button
          key={filter}
          type="button"
          className="button-secondary button-small task-filter"
          aria-pressed={filter === current}
          title={hint}
          onClick={() => onChange(filter)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
