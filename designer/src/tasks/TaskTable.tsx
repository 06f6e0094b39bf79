import type { TaskSummary } from '../api/types';
import { useAuth } from '../auth/auth-context';
import { formatDateTime } from '../format/dates';
import { hrefOf } from '../router/routes';
import { ClaimButton } from './ClaimButton';
import { type DeadlineTask, followUpDue, isOverdue } from './deadline-view';
import { DueDate } from './DueDate';
import { EscalationLevel } from './EscalationLevel';
import { Priority } from './Priority';

interface Props {
  tasks: DeadlineTask[];
  processName(key: string): string;
  onChanged(): void;
  onError(error: unknown): void;
}

/** Tasks as a table; on a phone each row becomes a card (see styles.css). */
export function TaskTable({ tasks, processName, onChanged, onError }: Props) {
  const { user: { username } } = useAuth();
  return (
    <table className="table task-table">
      <thead>
        <tr>
          <th scope="col">Task</th>
          <th scope="col">Process</th>
          <th scope="col">Due</th>
          <th scope="col">Priority</th>
          <th scope="col">Created</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => (
          <tr key={task.id} data-task-id={task.id} data-instance-id={task.instanceId} className="task-row">
            <td data-label="Task">
              <a className="task-link" href={hrefOf({ name: 'task', id: task.id })}>
                {task.name}
              </a>
              <div className="task-owner muted">
                {task.assignee ? `Assigned to ${task.assignee === username ? 'you' : task.assignee}` : offeredTo(task)}
                {task.delegatedFrom && ` · standing in for ${task.delegatedFrom === username ? 'you' : task.delegatedFrom}`}
              </div>
              {!!task.escalationLevel && (
                <div className="task-marks">
                  <EscalationLevel level={task.escalationLevel} />
                </div>
              )}
            </td>
            <td data-label="Process">
              {processName(task.processKey)}
              {task.businessKey && <div className="task-business-key muted">{task.businessKey}</div>}
            </td>
            <td data-label="Due">
              <DueDate dueAt={task.dueAt} done={task.state !== 'open'} overdue={isOverdue(task)} />
              {task.followUpAt && task.state === 'open' && (
                <div className={`follow-up${followUpDue(task) ? ' follow-up-due' : ''}`}>
                  Follow up {formatDateTime(task.followUpAt)}
                </div>
              )}
            </td>
            <td data-label="Priority">
              <Priority value={task.priority} />
            </td>
            <td data-label="Created">{formatDateTime(task.createdAt)}</td>
            <td className="cell-actions">
              <ClaimButton task={task} onChanged={onChanged} onError={onError} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function offeredTo(task: TaskSummary): string {
  const offered = [...(task.candidateGroups ?? []), ...(task.candidateUsers ?? [])];
  return offered.length ? `Unassigned · ${offered.join(', ')}` : 'Unassigned';
}
