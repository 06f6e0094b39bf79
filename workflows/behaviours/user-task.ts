/**
 * User task: evaluates who it is for and when it is due, opens the task in the database
 * and waits until the `completeTask` update completes it, or an interrupting boundary
 * timer cancels it. Non-interrupting timers spawn tokens while the task stays open.
 */
import { CancellationScope, uuid4 } from '@temporalio/workflow';
import type { Variables } from '../contract';
import type { BoundaryEventElement, UserTaskElement } from '../model';
import type { OpenTask } from '../runtime';
import type { FlowScope } from '../scopes';
import { armDeadlines, initialProgress, resumedProgress, type DeadlineProgress } from '../deadlines';
import { evaluateAssignment } from '../task-assignment';
import { closeCanceledTask, closeCompletedTask, openTask } from '../tasks';
import { armBoundaryTimers, planBoundaryTimers, type BoundaryTimer } from './boundary-event';
import { complete, type Behaviour, type ElementContext, type Outcome } from './types';

export const BOUNDARY_TIMER_REASON = 'boundary timer';

type TaskEnd = { kind: 'completed'; variables: Variables } | { kind: 'interrupted'; boundary: BoundaryEventElement };

export const userTaskBehaviour: Behaviour<'userTask'> = {
  async run(context) {
    const { runtime, element, token } = context;
    const resumed = resumedTask(context);
    if (resumed) return finish(context, resumed, [], resumedProgress(context.token.resume));
    const now = new Date();
    const scope = context.scope();
    const assignment = evaluateAssignment(element, scope, now, runtime.calendar);
    // Instances on the scopes patch get their boundary events from the engine (workflows/activity.ts).
    const timers = runtime.v2 ? [] : planBoundaryTimers(context, scope, now);
    const task = await openTask(runtime, {
      taskId: uuid4(),
      instanceId: runtime.instanceId,
      processKey: runtime.input.processKey,
      definitionId: runtime.input.definitionId,
      elementId: element.id,
      elementInstanceId: token.elementInstanceId,
      name: element.name,
      ...assignment,
      form: element.form,
      variables: scope,
    });
    const progress = initialProgress(element, assignment.dueAt);
    if (runtime.v2 && element.boundaryEvents.length === 0) context.waiting({ taskId: task.taskId, ...(progress ? { deadline: progress } : {}) });
    return finish(context, task, timers, progress);
  },
};

async function finish(context: ElementContext<UserTaskElement>, task: OpenTask, timers: BoundaryTimer[], progress?: DeadlineProgress): Promise<Outcome> {
  const end = await waitForTask(context, task, timers, progress).catch(async (error: unknown) => {
    await closeInterruptedTask(context, task);
    throw error;
  });
  if (end.kind === 'interrupted') {
    await closeCanceledTask(context.runtime, task, BOUNDARY_TIMER_REASON);
    return { kind: 'leave', to: end.boundary.id };
  }
  return complete(context.element.outgoing, end.variables);
}

/** The task a token picked up after continue-as-new was waiting on (already open in the database). */
function resumedTask(context: ElementContext<UserTaskElement>): OpenTask | undefined {
  const resume = context.token.resume as { taskId?: unknown } | undefined;
  if (typeof resume?.taskId !== 'string') return undefined;
  const task: OpenTask = { taskId: resume.taskId, elementId: context.element.id, elementInstanceId: context.token.elementInstanceId, state: 'opening' };
  context.runtime.tasks.set(task.taskId, task);
  const progress = resumedProgress(resume);
  context.waiting({ taskId: task.taskId, ...(progress ? { deadline: progress } : {}) });
  return task;
}

/**
 * An interrupted task (a boundary event, an error or escalation caught outside it, an
 * interrupting event sub-process, terminate inside its sub-process) is closed as
 * canceled here; when the whole instance stops, the lifecycle closes it with its reason.
 */
async function closeInterruptedTask(context: ElementContext<UserTaskElement>, task: OpenTask): Promise<void> {
  const { runtime, token } = context;
  if (!runtime.v2 || runtime.stopRequest || task.state !== 'waiting') return;
  const reason = interruptionReason(context);
  await CancellationScope.nonCancellable(() => closeCanceledTask(runtime, task, reason));
}

/** Names what interrupted the task: its own boundary event, or the nearest enclosing one. */
function interruptionReason(context: ElementContext<UserTaskElement>): string {
  const { runtime, token } = context;
  const named = (id: string) => `interrupted by "${runtime.model.elements[id]?.name ?? id}"`;
  const own = runtime.frames.get(token.elementInstanceId)?.interruption;
  if (own) return named(own.boundaryId);
  for (let scope: FlowScope | undefined = context.flowScope; scope; scope = scope.parent) {
    if (scope.interrupted) return 'interrupted: its scope ended early';
    const host = scope.hostInstanceId ? runtime.frames.get(scope.hostInstanceId)?.interruption : undefined;
    if (host) return named(host.boundaryId);
  }
  return 'interrupted';
}

/** Waits for completion, an interrupting timer or the cancellation of all tokens, whichever comes first. */
async function waitForTask(context: ElementContext<UserTaskElement>, task: OpenTask, timers: BoundaryTimer[], progress?: DeadlineProgress): Promise<TaskEnd> {
  let completed: (end: TaskEnd) => void = () => {};
  const completion = new Promise<TaskEnd>((resolve) => (completed = resolve));
  task.complete = async ({ variables, completedBy }) => {
    const frame = context.runtime.frames.get(context.token.elementInstanceId);
    if (frame) frame.settled = true;
    await closeCompletedTask(context.runtime, task, completedBy, variables);
    completed({ kind: 'completed', variables });
  };
  task.state = 'waiting';
  context.runtime.restoringTasks.delete(task.taskId);
  const armed = armBoundaryTimers(context, timers, {
    isWaiting: () => task.state === 'waiting',
    claim: () => {
      if (task.state !== 'waiting') return false;
      task.state = 'canceling';
      return true;
    },
  });
  const resumable = context.runtime.v2 && context.element.boundaryEvents.length === 0;
  const disarmDeadlines = armDeadlines(context, task, progress, (current) => {
    if (resumable && task.state === 'waiting') context.waiting({ taskId: task.taskId, deadline: current });
  });
  try {
    const interruption = armed.interrupted.then((boundary): TaskEnd => ({ kind: 'interrupted', boundary }));
    return await Promise.race([completion, interruption, CancellationScope.current().cancelRequested]);
  } finally {
    armed.disarm();
    disarmDeadlines();
  }
}
