import type { TaskSummary } from '../api/types';
import { hrefOf } from '../router/routes';
import { DueDate } from '../tasks/DueDate';

/** The open tasks of one instance: who holds each step now. */
export function InstanceTasks({ tasks }: { tasks: TaskSummary[] }) {
  if (tasks.length === 0) return <p className="muted">No open tasks.</p>;
  return (
    <ul className="instance-tasks">
      {tasks.map((task) => (
        <li key={task.id}>
          <a href={hrefOf({ name: 'task', id: task.id })}>{task.name}</a>
          <span className="muted small">
            {' · '}
            {holder(task)}
          </span>
          {task.dueAt && (
            <span className="small">
              {' · due '}
              <DueDate dueAt={task.dueAt} inline />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function holder(task: TaskSummary): string {
  if (task.assignee) return task.assignee;
  const offered = [...(task.candidateGroups ?? []), ...(task.candidateUsers ?? [])];
  return offered.length ? offered.join(', ') : 'unassigned';
}
