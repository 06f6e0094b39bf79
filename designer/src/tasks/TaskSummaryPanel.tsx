import type { TaskDetail } from '../api/types';
import { formatDateTime } from '../format/dates';
import { useDefinitionNames } from '../processes/use-definition-names';
import { hrefOf } from '../router/routes';
import { ClaimButton } from './ClaimButton';
import { DueDate } from './DueDate';
import { Priority } from './Priority';

interface Props {
  task: TaskDetail;
  onChanged(): void;
  onError(error: unknown): void;
}

/** The heading of a task page: name, process, who holds it, deadline. */
export function TaskSummaryPanel({ task, onChanged, onError }: Props) {
  const processName = useDefinitionNames();
  const offered = [...(task.candidateGroups ?? []), ...(task.candidateUsers ?? [])];
  return (
    <header className="task-summary">
      <div className="page-title">
        <h1 id="task-title">{task.name}</h1>
        <ClaimButton task={task} onChanged={onChanged} onError={onError} />
      </div>
      <dl className="facts">
        <div>
          <dt>Process</dt>
          <dd>
            <a href={hrefOf({ name: 'instance', id: task.instanceId })}>{processName(task.processKey)}</a>
          </dd>
        </div>
        <div>
          <dt>Assignee</dt>
          <dd>{task.assignee ?? (offered.length ? `Unassigned · ${offered.join(', ')}` : 'Unassigned')}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>
            <DueDate dueAt={task.dueAt} done={task.state !== 'open'} />
          </dd>
        </div>
        <div>
          <dt>Priority</dt>
          <dd>
            <Priority value={task.priority} />
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(task.createdAt)}</dd>
        </div>
        {task.state !== 'open' && (
          <div>
            <dt>State</dt>
            <dd>
              {task.state}
              {task.completedBy ? ` by ${task.completedBy}` : ''}
              {task.completedAt ? `, ${formatDateTime(task.completedAt)}` : ''}
            </dd>
          </div>
        )}
      </dl>
    </header>
  );
}
