/**
 * User task: evaluates who it is for and when it is due, opens the task in the database
 * and waits until the `completeTask` update completes it, or an interrupting boundary
 * timer cancels it. Non-interrupting timers spawn tokens while the task stays open.
 */
import { CancellationScope, uuid4 } from '@temporalio/workflow';
import type { Variables } from '../contract';
import type { BoundaryEventElement, UserTaskElement } from '../model';
import type { OpenTask } from '../runtime';
import { evaluateAssignment } from '../task-assignment';
import { closeCanceledTask, closeCompletedTask, openTask } from '../tasks';
import { armBoundaryTimers, planBoundaryTimers, type BoundaryTimer } from './boundary-event';
import { complete, type Behaviour, type ElementContext } from './types';

export const BOUNDARY_TIMER_REASON = 'boundary timer';

type TaskEnd = { kind: 'completed'; variables: Variables } | { kind: 'interrupted'; boundary: BoundaryEventElement };

export const userTaskBehaviour: Behaviour<'userTask'> = {
  async run(context) {
    const { runtime, element, token } = context;
    const now = new Date();
    const scope = context.scope();
    const assignment = evaluateAssignment(element, scope, now);
    const timers = planBoundaryTimers(context, scope, now);
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
    const end = await waitForTask(context, task, timers);
    if (end.kind === 'interrupted') {
      await closeCanceledTask(runtime, task, BOUNDARY_TIMER_REASON);
      return { kind: 'leave', to: end.boundary.id };
    }
    return complete(element.outgoing, end.variables);
  },
};

/** Waits for completion, an interrupting timer or the cancellation of all tokens, whichever comes first. */
async function waitForTask(context: ElementContext<UserTaskElement>, task: OpenTask, timers: BoundaryTimer[]): Promise<TaskEnd> {
  let completed: (end: TaskEnd) => void = () => {};
  const completion = new Promise<TaskEnd>((resolve) => (completed = resolve));
  task.complete = async ({ variables, completedBy }) => {
    await closeCompletedTask(context.runtime, task, completedBy, variables);
    completed({ kind: 'completed', variables });
  };
  task.state = 'waiting';
  const armed = armBoundaryTimers(context, timers, {
    isWaiting: () => task.state === 'waiting',
    claim: () => {
      if (task.state !== 'waiting') return false;
      task.state = 'canceling';
      return true;
    },
  });
  try {
    const interruption = armed.interrupted.then((boundary): TaskEnd => ({ kind: 'interrupted', boundary }));
    return await Promise.race([completion, interruption, CancellationScope.current().cancelRequested]);
  } finally {
    armed.disarm();
  }
}
