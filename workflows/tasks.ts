/**
 * Opening and closing user tasks in the database. The instance keeps every task it opened
 * in `runtime.tasks` until the task is closed, so cancel and terminate can close the rest.
 */
import type { OpenTaskInput } from '../activities/types';
import { SYSTEM_ACTOR, taskAudit } from './audit';
import type { Variables } from './contract';
import { effect } from './effects';
import type { InstanceRuntime, OpenTask } from './runtime';

/** Writes the task row (idempotent by task id) and records it as opened. */
export async function openTask(runtime: InstanceRuntime, input: OpenTaskInput): Promise<OpenTask> {
  const task: OpenTask = {
    taskId: input.taskId,
    elementId: input.elementId,
    elementInstanceId: input.elementInstanceId,
    state: 'opening',
  };
  runtime.tasks.set(task.taskId, task);
  const audit = taskAudit(runtime, task.taskId, 'task.created', SYSTEM_ACTOR, { elementId: input.elementId, name: input.name });
  await effect(runtime, 'openTask', { ...input, audit });
  return task;
}

/** Closes the task as completed by `completedBy` with the variables they submitted. */
export async function closeCompletedTask(runtime: InstanceRuntime, task: OpenTask, completedBy: string, variables: Variables): Promise<void> {
  task.state = 'completing';
  const audit = taskAudit(runtime, task.taskId, 'task.completed', completedBy, { elementId: task.elementId });
  await effect(runtime, 'closeTask', { taskId: task.taskId, state: 'completed', closedBy: completedBy, variables, audit });
  task.state = 'closed';
  runtime.tasks.delete(task.taskId);
}

/** Closes the task as canceled by the process (boundary timer, terminate, cancel). */
export async function closeCanceledTask(runtime: InstanceRuntime, task: OpenTask, reason: string, actor?: string): Promise<void> {
  task.state = 'canceling';
  const audit = taskAudit(runtime, task.taskId, 'task.canceled', actor ?? SYSTEM_ACTOR, { elementId: task.elementId, reason });
  await effect(runtime, 'closeTask', { taskId: task.taskId, state: 'canceled', closedBy: actor, reason, audit });
  task.state = 'closed';
  runtime.tasks.delete(task.taskId);
}
