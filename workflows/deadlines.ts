/**
 * A waiting user task's escalation policy as durable timers beside it (same semantics as
 * non-interrupting boundary timers): reminders before the due date, then escalation levels
 * after it, each firing once and in the policy's order, while the task waits. Completion or
 * cancellation disarms the rest. The progress (the due date and how many reminders and
 * levels fired) travels in the task's resume data, so continue-as-new re-arms only what
 * has not fired. Rescheduling (the `rescheduleTask` update) keeps fired levels fired; the
 * rest follow the new due date, and any that are now in the past fire at once, in order.
 */
import { CancellationScope, condition, isCancellation, proxyActivities, uuid4 } from '@temporalio/workflow';
import type { QualflowActivities } from '../activities/types';
import type { ElementContext } from './behaviours/types';
import { runCalendar, shiftTime } from './deadline-time';
import { effect } from './effects';
import type { EscalationPolicy, UserTaskElement } from './model';
import type { InstanceRuntime, OpenTask } from './runtime';

/** What of a task's deadline has happened; carried across continue-as-new. */
export interface DeadlineProgress {
  dueAt?: string;
  /** Reminders fired (they fire in order, so a count says which). */
  reminders: number;
  /** Escalation levels fired. */
  levels: number;
}

interface Step {
  kind: 'reminder' | 'escalation';
  /** 1-based, per kind. */
  level: number;
  at: number;
}

const { escalateTask } = proxyActivities<QualflowActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** The progress data of a task that has just opened, or undefined when the element has no policy. */
export function initialProgress(element: UserTaskElement, dueAt: string | undefined): DeadlineProgress | undefined {
  return element.escalation ? { dueAt, reminders: 0, levels: 0 } : undefined;
}

/** Reads the progress a previous run handed over (absent for tasks without a policy). */
export function resumedProgress(resume: unknown): DeadlineProgress | undefined {
  const progress = (resume as { deadline?: DeadlineProgress } | undefined)?.deadline;
  return progress && typeof progress.reminders === 'number' && typeof progress.levels === 'number' ? progress : undefined;
}

/**
 * Lets the task be rescheduled and, when the element has an escalation policy, arms its
 * timers from `progress`. `onProgress` is told each time a level fires or the due date
 * moves (to keep the resume data current). Returns the disarm function.
 */
export function armDeadlines(
  context: ElementContext<UserTaskElement>,
  task: OpenTask,
  progress: DeadlineProgress | undefined,
  onProgress: (progress: DeadlineProgress) => void,
): () => void {
  const { runtime, element } = context;
  let version = 0;
  task.reschedule = async ({ dueAt, changedBy, reason }) => {
    await effect(runtime, 'changeTaskDue', { taskId: task.taskId, dueAt, changedBy, reason, eventId: `${task.taskId}:due:${uuid4()}` });
    if (!progress) return;
    progress.dueAt = dueAt;
    version += 1;
    onProgress(progress);
  };
  const policy = element.escalation;
  if (!policy || !progress) return () => (task.reschedule = undefined);
  const armed = new CancellationScope();
  const loop = async () => {
    for (;;) {
      const seen = version;
      const step = nextStep(policy, progress, runtime);
      if (!step) {
        await condition(() => version !== seen);
        continue;
      }
      const delay = step.at - Date.now();
      if (delay > 0 && (await condition(() => version !== seen, delay))) continue;
      if (task.state !== 'waiting') return;
      runtime.noteWait();
      if (step.kind === 'reminder') progress.reminders = step.level;
      else progress.levels = step.level;
      onProgress(progress);
      await CancellationScope.nonCancellable(() => escalate(context, task, policy, step));
    }
  };
  armed.run(loop).catch(ignoreCancellation);
  return () => {
    task.reschedule = undefined;
    armed.cancel();
  };
}

/** The first reminder or level that has not fired, at its time (never before the one it follows). */
function nextStep(policy: EscalationPolicy, progress: DeadlineProgress, runtime: InstanceRuntime): Step | undefined {
  if (!progress.dueAt) return undefined;
  const due = new Date(progress.dueAt);
  const calendar = runCalendar(runtime);
  const steps: Step[] = [
    ...policy.reminders.map((reminder, index) => ({ kind: 'reminder' as const, level: index + 1, at: shiftTime(due, reminder.before, reminder.basis, -1, calendar).getTime() })),
    ...policy.levels.map((level, index) => ({ kind: 'escalation' as const, level: index + 1, at: shiftTime(due, level.after, level.basis, 1, calendar).getTime() })),
  ];
  let earliest = -Infinity;
  for (const step of steps) {
    step.at = Math.max(step.at, earliest);
    earliest = step.at;
    const fired = step.kind === 'reminder' ? progress.reminders : progress.levels;
    if (step.level > fired) return step;
  }
  return undefined;
}

/** Runs the level's escalateTask activity, counted as a side effect so the instance is not settled while it runs. */
async function escalate(context: ElementContext<UserTaskElement>, task: OpenTask, policy: EscalationPolicy, step: Step): Promise<void> {
  const { runtime } = context;
  const level = step.kind === 'reminder' ? policy.reminders[step.level - 1] : policy.levels[step.level - 1];
  runtime.pendingEffects += 1;
  try {
    await escalateTask({
      eventId: `${task.taskId}:${step.kind}:${step.level}`,
      taskId: task.taskId,
      instanceId: runtime.instanceId,
      processKey: runtime.input.processKey,
      kind: step.kind,
      level: step.level,
      notify: level.notify,
      ...('reassignTo' in level && level.reassignTo ? { reassignTo: level.reassignTo } : {}),
      ...('priority' in level && level.priority !== undefined ? { priority: level.priority } : {}),
      ...(runtime.model.owner ? { owner: runtime.model.owner } : {}),
      firedAt: new Date().toISOString(),
    });
  } finally {
    runtime.pendingEffects -= 1;
    runtime.noteWait();
  }
}

function ignoreCancellation(error: unknown): void {
  if (!isCancellation(error)) throw error;
}
