/**
 * The user tasks a run continued-as-new is about to pick up again. The new run restores them
 * only after its first side effects, so an update that arrives in between (a completion, a
 * new due date) names a task the run does not hold yet: it is accepted and waits for the
 * task instead of being refused as unknown.
 */
import { condition } from '@temporalio/workflow';
import type { ProcessInput } from './contract';
import type { InstanceRuntime, OpenTask } from './runtime';

/** The ids of the waiting tasks handed over by the previous run (empty on a fresh start). */
export function handedOverTaskIds(input: ProcessInput): Set<string> {
  const tokens = (input.resume as { tokens?: { resume?: unknown }[] } | undefined)?.tokens ?? [];
  const ids = tokens.map((token) => (token.resume as { taskId?: unknown } | undefined)?.taskId);
  return new Set(ids.filter((id): id is string => typeof id === 'string'));
}

/** True while `taskId` was handed over and has not become a waiting task again in this run. */
export function awaitsRestore(runtime: InstanceRuntime, taskId: string): boolean {
  return runtime.restoringTasks.has(taskId);
}

/**
 * The task an update names; waits only for a handed-over task that is not restored yet, so
 * every other update runs exactly as before.
 */
export async function readyTask(runtime: InstanceRuntime, taskId: string): Promise<OpenTask | undefined> {
  if (awaitsRestore(runtime, taskId)) {
    await condition(() => !awaitsRestore(runtime, taskId) || runtime.stopRequest !== undefined || runtime.endedWith !== undefined);
  }
  return runtime.tasks.get(taskId);
}
