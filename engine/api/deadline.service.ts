/**
 * Moving an open task's due date. Admins, process owners (the `owner` role on a task they
 * may see, or the owner the process names) and the manager of the task's assignee may do it, with a reason. The
 * change goes through the instance's `rescheduleTask` update, whose handler writes the
 * new date and its audit entry and re-arms the reminders and escalations that have not
 * fired, before it answers.
 */
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { rescheduleTaskUpdate, type RescheduleTaskRequest } from '../../workflows/contract';
import { actsAsOwner, canSeeTask } from './access';
import type { ApiDeps, AuthUser } from './context';
import { conflict, DependencyUnavailableError, forbidden, isTemporalUnavailable, notFound } from './errors';
import { loadTask, type TaskSummaryView, toTaskSummary } from './task-view';
import { namedOwnerIs } from './process-grant.service';

/**
 * Sets the due date of task `id` to `dueAt`, recording `reason`.
 *
 * @throws HttpError 404 (no such task, or not yours to see), 403 (not allowed), 409 (not open, or the process refused), 503 (Temporal unreachable).
 */
export async function changeDue(deps: ApiDeps, user: AuthUser, id: string, change: { dueAt: string; reason: string }): Promise<TaskSummaryView> {
  const row = await loadTask(deps.db, id);
  if (!row) throw notFound(`No task "${id}"`);
  const task = toTaskSummary(row);
  const allowed = await mayChangeDue(deps, user, task, row.definitionId);
  if (!allowed) {
    if (!canSeeTask(user, task)) throw notFound(`No task "${id}"`);
    throw forbidden("Only an admin, a process owner or the assignee's manager may change the due date");
  }
  if (row.state !== 'open') throw conflict(`The task is ${row.state}; only an open task's due date can change`);
  await sendReschedule(deps, row.instanceId, { taskId: id, dueAt: new Date(change.dueAt).toISOString(), changedBy: user.username, reason: change.reason });
  const updated = await loadTask(deps.db, id);
  return toTaskSummary(updated ?? row);
}

async function mayChangeDue(deps: ApiDeps, user: AuthUser, task: TaskSummaryView, definitionId: string): Promise<boolean> {
  if (actsAsOwner(user, task)) return true;
  if (task.assignee && user.reports.includes(task.assignee)) return true;
  return namedOwnerIs(deps.db, definitionId, user.username);
}

async function sendReschedule(deps: ApiDeps, instanceId: string, request: RescheduleTaskRequest): Promise<void> {
  const handle = deps.temporal.workflow.getHandle(instanceId);
  try {
    await deps.temporal.withDeadline(Date.now() + deps.timeouts.updateMs, () => handle.executeUpdate(rescheduleTaskUpdate, { args: [request] }));
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) throw conflict(`Changing the due date was refused by the process: ${err.cause?.message ?? err.message}`);
    if (err instanceof WorkflowNotFoundError || (err as { cause?: { code?: number } })?.cause?.code === 5) {
      throw conflict('Changing the due date is not possible: the process instance is no longer running');
    }
    if (isTemporalUnavailable(err)) throw new DependencyUnavailableError('temporal', err);
    throw err;
  }
}
