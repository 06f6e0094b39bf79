/**
 * The instance's message handlers: the state query, the completeTask, rescheduleTask,
 * retryIncident and setVariables updates and the cancel signal. Updates return once the instance is settled again, so
 * the database already shows what happens next (the next task, a new incident).
 */
import { CancellationScope, condition, setHandler } from '@temporalio/workflow';
import {
  cancelSignal,
  completeTaskUpdate,
  rescheduleTaskUpdate,
  retryIncidentUpdate,
  setVariablesUpdate,
  stateQuery,
  type CompleteTaskRequest,
  type RescheduleTaskRequest,
} from './contract';
import { isPlainObject } from './feel';
import { retryIncident, validateRetry } from './incidents';
import type { InstanceRuntime } from './runtime';
import { registerCorrelation } from './subscriptions';
import { registerChildEscalations } from './child-escalations';
import { editVariables, validateVariablesEdit } from './variables-edit';
import { awaitsRestore, readyTask } from './resumed-tasks';

/** Registers every handler on the running workflow. */
export function registerHandlers(runtime: InstanceRuntime): void {
  setHandler(stateQuery, () => runtime.snapshot());

  setHandler(
    completeTaskUpdate,
    async (request) => {
      const task = await readyTask(runtime, request.taskId);
      if (!task?.complete) return;
      runtime.noteWait();
      await task.complete({ variables: request.variables ?? {}, completedBy: request.completedBy });
      await settled(runtime);
    },
    { validator: (request) => validateCompletion(runtime, request) },
  );

  setHandler(
    retryIncidentUpdate,
    async (request) => {
      runtime.noteWait();
      await retryIncident(runtime, request);
      await settled(runtime);
    },
    { validator: (request) => validateRetry(runtime, request) },
  );

  setHandler(
    rescheduleTaskUpdate,
    async (request) => {
      const task = await readyTask(runtime, request.taskId);
      if (!task?.reschedule) return;
      runtime.noteWait();
      await task.reschedule({ dueAt: new Date(request.dueAt).toISOString(), changedBy: request.changedBy, reason: request.reason });
      await settled(runtime);
    },
    { validator: (request) => validateReschedule(runtime, request) },
  );

  setHandler(
    setVariablesUpdate,
    async (request) => {
      runtime.noteWait();
      await editVariables(runtime, request);
      await settled(runtime);
    },
    { validator: (request) => validateVariablesEdit(runtime, request) },
  );

  registerCorrelation(runtime);
  registerChildEscalations(runtime);

  setHandler(cancelSignal, (request) => {
    runtime.stopRequest ??= {
      kind: 'cancel',
      reason: request?.reason || 'canceled',
      canceledBy: request?.canceledBy || 'system',
    };
  });
}

/**
 * Rejects a completion unless the task is waiting in this instance.
 *
 * @throws Error with a message the API can show (it answers 409).
 */
function validateCompletion(runtime: InstanceRuntime, request: CompleteTaskRequest): void {
  if (!request || typeof request.taskId !== 'string') throw new Error('A completion needs the taskId');
  if (request.variables !== undefined && !isPlainObject(request.variables)) {
    throw new Error('The variables of a completion must be an object');
  }
  if (awaitsRestore(runtime, request.taskId) && !runtime.stopRequest && !runtime.endedWith) return;
  const task = runtime.tasks.get(request.taskId);
  if (!task || task.state !== 'waiting' || runtime.stopRequest || runtime.endedWith) {
    const state = task ? `it is ${task.state}` : 'it is already closed or unknown';
    throw new Error(`Task ${request.taskId} is not waiting in instance ${runtime.instanceId} (${state})`);
  }
}

/**
 * Rejects a new due date unless it is a date-time with a reason and the task is waiting in this instance.
 *
 * @throws Error with a message the API can show (it answers 409).
 */
function validateReschedule(runtime: InstanceRuntime, request: RescheduleTaskRequest): void {
  if (!request || typeof request.taskId !== 'string') throw new Error('A new due date needs the taskId');
  if (typeof request.dueAt !== 'string' || Number.isNaN(new Date(request.dueAt).getTime())) throw new Error('The new due date must be an ISO 8601 date-time');
  if (typeof request.reason !== 'string' || request.reason.trim() === '') throw new Error('A new due date needs a reason');
  if (typeof request.changedBy !== 'string' || request.changedBy === '') throw new Error('A new due date needs who changed it');
  if (awaitsRestore(runtime, request.taskId) && !runtime.stopRequest && !runtime.endedWith) return;
  const task = runtime.tasks.get(request.taskId);
  if (!task || task.state !== 'waiting' || !task.reschedule || runtime.stopRequest || runtime.endedWith) {
    const state = task ? `it is ${task.state}` : 'it is already closed or unknown';
    throw new Error(`Task ${request.taskId} is not waiting in instance ${runtime.instanceId} (${state})`);
  }
}

function settled(runtime: InstanceRuntime): Promise<void> {
  return CancellationScope.nonCancellable(() => condition(() => runtime.isSettled()));
}
