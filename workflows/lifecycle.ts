/**
 * How an instance ends. Normally when its last token is consumed; early on a terminate end
 * event (completed, as in Camunda) or on cancel (the signal or a Temporal cancellation).
 * Ending early stops every token, closes the open tasks as canceled and resolves the open
 * incidents; in every case the final state is recorded with `ended: true`.
 */
import { allHandlersFinished, condition } from '@temporalio/workflow';
import { instanceAudit, SYSTEM_ACTOR } from './audit';
import type { InstanceState, InstanceStatus } from './contract';
import { resolveIncident } from './incidents';
import { recordInstanceState, type StateRecorder } from './instance-state';
import type { InstanceRuntime } from './runtime';
import { closeCanceledTask } from './tasks';

export const TERMINATED_REASON = 'terminated by end event';

/** Ends the instance; must run in a non-cancellable scope. Returns the final state. */
export async function finishInstance(runtime: InstanceRuntime, recorder: StateRecorder): Promise<InstanceState> {
  const stop = runtime.stopRequest;
  if (stop) {
    runtime.tokensScope.cancel();
    await condition(() => runtime.pendingEffects === 0);
    const reason = stop.kind === 'terminate' ? TERMINATED_REASON : stop.kind === 'thrown' ? `ended by the uncaught error "${stop.event.code}"` : stop.reason;
    const actor = stop.kind === 'cancel' ? stop.canceledBy : undefined;
    await Promise.all([...runtime.tasks.values()].map((task) => closeCanceledTask(runtime, task, reason, actor)));
    await Promise.all([...runtime.incidents.values()].map((incident) => resolveIncident(runtime, incident, actor)));
    runtime.active.clear();
  }
  const status: InstanceStatus = stop?.kind === 'cancel' ? 'canceled' : stop?.kind === 'thrown' ? 'terminated' : 'completed';
  const audit = instanceAudit(runtime, status === 'canceled' ? 'instance.canceled' : 'instance.completed', actorOf(runtime), {
    ...(stop?.kind === 'cancel' ? { reason: stop.reason } : {}),
    ...(stop?.kind === 'terminate' ? { terminatedAt: stop.elementId } : {}),
    ...(stop?.kind === 'thrown' ? { thrownAt: stop.elementId, errorCode: stop.event.code } : {}),
  });
  await recorder.stop();
  await recordInstanceState(runtime, { status, ended: true, audit });
  runtime.endedWith = status;
  await condition(() => runtime.pendingEffects === 0 && allHandlersFinished());
  const state = runtime.snapshot();
  return stop?.kind === 'thrown' ? { ...state, thrown: stop.event } : state;
}

function actorOf(runtime: InstanceRuntime): string {
  return runtime.stopRequest?.kind === 'cancel' ? runtime.stopRequest.canceledBy : SYSTEM_ACTOR;
}
