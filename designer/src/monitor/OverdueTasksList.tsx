/** The overdue tasks behind a dashboard number: each with its instance, holder and how late it is. */
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { formatDateTime, formatRelative } from '../format/dates';
import { useResource } from '../hooks/use-resource';
import { hrefOf } from '../router/routes';
import { fetchOverdueTasks } from './api';
import type { MonitorFilters } from './monitor-route';

export function OverdueTasksList({ filters, processName }: { filters: MonitorFilters; processName: (key: string) => string }) {
  const tasks = useResource(() => fetchOverdueTasks(filters), [JSON.stringify(filters)]);
  const items = tasks.data?.items;
  return (
    <>
      <ErrorMessage error={tasks.error} />
      {items === undefined && tasks.loading && <Loading label="Loading overdue tasks…" />}
      {items?.length === 0 && <p className="empty">No overdue task matches.</p>}
      {items && items.length > 0 && (
        <table className="table" aria-label="Overdue tasks">
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">Process</th>
              <th scope="col">Held by</th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody>
            {items.map((task) => (
              <tr key={task.id}>
                <td data-label="Task">
                  <a href={hrefOf({ name: 'task', id: task.id })}>{task.name}</a>
                </td>
                <td data-label="Process">
                  <a href={hrefOf({ name: 'instance', id: task.instanceId })}>{processName(task.processKey)}</a>
                </td>
                <td data-label="Held by">{task.assignee ?? <span className="muted">{task.candidateGroups.join(', ') || 'nobody'}</span>}</td>
                <td data-label="Due" className="due-overdue">
                  {formatDateTime(task.dueAt)} <span className="small">({formatRelative(task.dueAt)})</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
