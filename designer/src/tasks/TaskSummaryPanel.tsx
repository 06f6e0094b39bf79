import type { TaskDetail } from '../api/types';
import { formatDateTime } from '../format/dates';
import { useDefinitionNames } from '../processes/use-definition-names';
import { hrefOf } from '../router/routes';
import { ClaimButton } from './ClaimButton';
import { type DeadlineTask, followUpDue, isOverdue } from './deadline-view';
import { DueDate } from './DueDate';
import { EscalationLevel } from './EscalationLevel';
import { Priority } from './Priority';
import { ReassignForm } from './ReassignForm';

interface Props {
  task: TaskDetail & DeadlineTask;
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
      <ReassignForm task={task} onChanged={onChanged} />
      <dl className="facts">
        <div>
          <dt>Process</dt>
          <dd>
            <a href={hrefOf({ name: 'instance', id: task.instanceId })}>{processName(task.processKey)}</a>
          </dd>
        </div>
        <div>
          <dt>Assignee</dt>
          <dd>
            {task.assignee ?? (offered.length ? `Unassigned · ${offered.join(', ')}` : 'Unassigned')}
            {task.delegatedFrom && <span className="muted"> · standing in for {task.delegatedFrom}</span>}
          </dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>
            <DueDate dueAt={task.dueAt} done={task.state !== 'open'} overdue={isOverdue(task)} />
          </dd>
        </div>
        {task.followUpAt && (
          <div>
            <dt>Follow up</dt>
            <dd className={followUpDue(task) ? 'follow-up-due' : undefined}>{formatDateTime(task.followUpAt)}</dd>
          </div>
        )}
        {!!task.escalationLevel && (
          <div>
            <dt>Escalation</dt>
            <dd>
              <EscalationLevel level={task.escalationLevel} />
            </dd>
          </div>
        )}
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
