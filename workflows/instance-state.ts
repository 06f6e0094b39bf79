/**
 * Keeps the database's view of the instance up to date. Changes are coalesced: the
 * recorder wakes once the current batch of automatic steps is done (a wait state, an
 * incident) and writes one `recordInstanceState`, never two at once, so writes arrive in order.
 */
import { CancellationScope, condition } from '@temporalio/workflow';
import type { AuditInput, InstanceStateInput } from '../activities/types';
import type { InstanceStatus } from './contract';
import { effect } from './effects';
import type { InstanceRuntime } from './runtime';
import { visitsWritten } from './visits';

export interface StateRecorder {
  /** Stops recording after the write in flight (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * Writes the instance row now (creating it if the API crashed before it did), with an
 * audit entry when given. Used as the instance starts and ends; the recorder does the rest.
 */
export function recordInstanceState(
  runtime: InstanceRuntime,
  options: { status?: InstanceStatus; ended?: boolean; audit?: AuditInput } = {},
): Promise<void> {
  const { status = runtime.status(), ended = false, audit } = options;
  const input = stateInput(runtime, status, ended);
  const written = effect(runtime, 'recordInstanceState', { ...input, audit });
  // A reaction of its own, not a link in the chain callers await: they resume exactly as before (replays).
  const visits = input.visits ?? [];
  if (visits.length > 0) written.then(() => visitsWritten(runtime, visits), () => undefined);
  return written;
}

/** Starts the background loop that records the state whenever it changed. */
export function startStateRecorder(runtime: InstanceRuntime): StateRecorder {
  let stopping = false;
  const loop = CancellationScope.nonCancellable(async () => {
    for (;;) {
      await condition(() => runtime.dirty || stopping);
      // The instance is about to end: its final write records everything.
      if (stopping || runtime.liveTokens === 0 || runtime.stopRequest) return;
      runtime.dirty = false;
      await recordInstanceState(runtime);
    }
  });
  return {
    stop: async () => {
      stopping = true;
      await loop;
    },
  };
}

function stateInput(runtime: InstanceRuntime, status: InstanceStatus, ended: boolean): InstanceStateInput {
  const { input } = runtime;
  return {
    instanceId: runtime.instanceId,
    status,
    variables: runtime.variables,
    path: [...runtime.path],
    ...(runtime.unwrittenVisits.length > 0 && { visits: [...runtime.unwrittenVisits] }),
    ended: ended || undefined,
    definitionId: input.definitionId,
    processKey: input.processKey,
    version: input.version,
    businessKey: input.businessKey,
    startedBy: input.startedBy,
    parentInstanceId: input.parent?.instanceId,
  };
}
