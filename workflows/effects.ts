/**
 * The side effects the interpreter may ask for. Short idempotent database writes run as
 * local activities (no extra round trip to the server); a service task handler runs as a
 * normal activity with the element's retries. Every write runs in a non-cancellable
 * scope so a write that was asked for always finishes, even while the instance is canceled.
 */
import { CancellationScope, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { QualflowActivities, RunServiceTaskInput, RunServiceTaskResult } from '../activities/types';
import { HANDLER_NOT_FOUND } from './incident-error';
import type { InstanceRuntime } from './runtime';

const local = proxyLocalActivities<QualflowActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

type LocalEffects = Omit<QualflowActivities, 'runServiceTask' | 'publishMessage' | 'broadcastSignal'>;

/**
 * Runs a short database write as a local activity, counted in `pendingEffects` so the
 * instance knows when it is settled. Retries until it succeeds (the writes are idempotent).
 *
 * Writes run one at a time, in the order they were asked for: local activities that run
 * side by side resolve in wall-clock order the first time but in history order on replay,
 * and the code that resumes after them must see the same order both times.
 */
export function effect<K extends keyof LocalEffects>(
  runtime: InstanceRuntime,
  name: K,
  input: Parameters<LocalEffects[K]>[0],
): Promise<void> {
  // No extra `.then`: code awaiting a write must resume at the same moment as before (replays).
  return effectWithResult(runtime, name, input) as Promise<unknown> as Promise<void>;
}

/**
 * Like {@link effect}, for a local activity whose answer the workflow needs (a lookup:
 * the subscription's buffered message, a decision, a called process).
 */
export function effectWithResult<K extends keyof LocalEffects>(
  runtime: InstanceRuntime,
  name: K,
  input: Parameters<LocalEffects[K]>[0],
): Promise<Awaited<ReturnType<LocalEffects[K]>>> {
  type Result = Awaited<ReturnType<LocalEffects[K]>>;
  runtime.pendingEffects += 1;
  const call = local[name] as unknown as (input: Parameters<LocalEffects[K]>[0]) => Promise<Result>;
  const run = () => CancellationScope.nonCancellable(() => call(input));
  const done = runtime.effectQueue.then(run, run);
  runtime.effectQueue = done.catch(() => undefined);
  return done.finally(() => {
    runtime.pendingEffects -= 1;
    // Recording the instance's own state is not something a token waited for.
    if (name === 'recordInstanceState') runtime.stepsSinceYield = 0;
    else runtime.noteWait();
  });
}

/**
 * Runs a service task handler as an activity: `retries` attempts in all (at least one),
 * no retry when the handler does not exist. Cancellable: cancel and terminate stop it.
 *
 * @throws ActivityFailure when the last attempt fails.
 */
export function runServiceTask(runtime: InstanceRuntime, input: RunServiceTaskInput, retries: number): Promise<RunServiceTaskResult> {
  const { runServiceTask: run } = proxyActivities<QualflowActivities>({
    startToCloseTimeout: '5 minutes',
    retry: {
      maximumAttempts: Math.max(1, Math.trunc(retries)),
      initialInterval: '1 second',
      backoffCoefficient: 2,
      maximumInterval: '1 minute',
      nonRetryableErrorTypes: [HANDLER_NOT_FOUND],
    },
  });
  return run(input).finally(() => runtime.noteWait());
}
