/**
 * The one generic interpreter workflow: runs any compiled ProcessModel with tokens.
 * Deterministic code only: this folder imports `@temporalio/workflow`, `feelin`, the
 * model and contract types, and activity types (a test keeps it that way).
 */
import { CancellationScope, condition, isCancellation } from '@temporalio/workflow';
import { instanceAudit, SYSTEM_ACTOR } from './audit';
import type { InstanceState, ProcessInput } from './contract';
import { registerHandlers } from './handlers';
import { recordInstanceState, startStateRecorder } from './instance-state';
import { finishInstance } from './lifecycle';
import { loadRunCalendar } from './calendar/load';
import { InstanceRuntime } from './runtime';
import { spawnToken } from './tokens';
import { armEventSubProcesses } from './event-sub-processes';
import { handOver, readyToContinue, resumeRun } from './resume';

export { mailDelivery } from './mail-digest';

/**
 * Runs one process instance from its start event until every token is consumed, a
 * terminate end event is reached, or it is canceled. Business problems become incidents
 * and never fail the workflow. Returns the final state.
 */
export async function processInstance(input: ProcessInput): Promise<InstanceState> {
  const runtime = new InstanceRuntime(input);
  registerHandlers(runtime);
  await loadRunCalendar(runtime);
  const started = instanceAudit(runtime, 'instance.started', input.startedBy ?? SYSTEM_ACTOR, {
    processKey: input.processKey,
    version: input.version,
    businessKey: input.businessKey,
  });
  await recordInstanceState(runtime, { audit: started });
  const recorder = startStateRecorder(runtime);
  try {
    const disarm = runtime.v2 ? await armEventSubProcesses(runtime, runtime.root, input.model.eventSubProcesses ?? []) : undefined;
    if (!resumeRun(runtime)) void spawnToken(runtime, input.startEventId ?? input.model.startEventId);
    await condition(() => runtime.liveTokens === 0 || runtime.stopRequest !== undefined || runtime.fatalError !== undefined || readyToContinue(runtime));
    if (runtime.parking && runtime.liveTokens > 0 && runtime.stopRequest === undefined && runtime.fatalError === undefined) {
      // Every token is parked or waiting: the next run records the state, this one only hands over.
      await recorder.stop();
      await condition(() => readyToContinue(runtime));
      await handOver(runtime);
    }
    await disarm?.();
  } catch (error) {
    if (!isCancellation(error)) throw error;
    runtime.stopRequest ??= { kind: 'cancel', reason: 'The workflow was canceled', canceledBy: SYSTEM_ACTOR };
  }
  if (runtime.fatalError !== undefined) throw runtime.fatalError;
  return CancellationScope.nonCancellable(() => finishInstance(runtime, recorder));
}
