/**
 * The API's calls into Temporal, each bounded by a deadline so an unreachable server
 * answers 503 in seconds instead of hanging the request, and each rejection mapped to
 * the HTTP meaning it has for the caller.
 */
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import {
  cancelSignal,
  completeTaskUpdate,
  PROCESS_WORKFLOW,
  type CompleteTaskRequest,
  type InstanceState,
  type ProcessInput,
  type RetryIncidentRequest,
  retryIncidentUpdate,
  setVariablesUpdate,
  type SetVariablesRequest,
  stateQuery,
} from '../../workflows/contract';
import type { ApiDeps } from './context';
import { conflict, DependencyUnavailableError, isTemporalUnavailable } from './errors';

export const PROCESS_KEY_ATTRIBUTE = defineSearchAttributeKey('QualflowProcessKey', SearchAttributeType.KEYWORD);
export const BUSINESS_KEY_ATTRIBUTE = defineSearchAttributeKey('QualflowBusinessKey', SearchAttributeType.KEYWORD);

async function bounded<T>(deps: ApiDeps, ms: number, call: () => Promise<T>): Promise<T> {
  try {
    return await deps.temporal.withDeadline(Date.now() + ms, call);
  } catch (err) {
    if (isTemporalUnavailable(err)) throw new DependencyUnavailableError('temporal', err);
    throw err;
  }
}

/** Starts the interpreter workflow for `input` (workflow id = instance id). */
export async function startProcessWorkflow(deps: ApiDeps, input: ProcessInput): Promise<void> {
  const typedSearchAttributes = [{ key: PROCESS_KEY_ATTRIBUTE, value: input.processKey }];
  if (input.businessKey) typedSearchAttributes.push({ key: BUSINESS_KEY_ATTRIBUTE, value: input.businessKey });
  await bounded(deps, deps.timeouts.startMs, () =>
    deps.temporal.workflow.start(PROCESS_WORKFLOW, {
      taskQueue: deps.taskQueue,
      workflowId: input.instanceId,
      args: [input],
      typedSearchAttributes,
    }),
  );
}

/** The rejection of an update or signal by the workflow (not waiting, already ended) as 409. */
function rejected(err: unknown, what: string): never {
  if (err instanceof WorkflowUpdateFailedError) {
    const reason = err.cause?.message ?? err.message;
    throw conflict(`${what} was refused by the process: ${reason}`);
  }
  if (err instanceof WorkflowNotFoundError || isNotFound(err)) {
    throw conflict(`${what} is not possible: the process instance is no longer running`);
  }
  throw err;
}

function isNotFound(err: unknown): boolean {
  const cause = (err as { cause?: { code?: number } } | undefined)?.cause;
  return cause?.code === 5;
}

/** Sends the completion of a user task; 409 when the workflow refuses it. */
export async function sendCompleteTask(deps: ApiDeps, instanceId: string, request: CompleteTaskRequest): Promise<void> {
  const handle = deps.temporal.workflow.getHandle(instanceId);
  await bounded(deps, deps.timeouts.updateMs, () => handle.executeUpdate(completeTaskUpdate, { args: [request] })).catch(
    (err) => rejected(err, 'Completing the task'),
  );
}

/** Asks the workflow to run an incident's element again; 409 when it refuses. */
export async function sendRetryIncident(deps: ApiDeps, instanceId: string, request: RetryIncidentRequest): Promise<void> {
  const handle = deps.temporal.workflow.getHandle(instanceId);
  await bounded(deps, deps.timeouts.updateMs, () => handle.executeUpdate(retryIncidentUpdate, { args: [request] })).catch(
    (err) => rejected(err, 'Retrying the incident'),
  );
}

/** Asks the workflow to set process variables (an admin's correction); 409 when it refuses. */
export async function sendSetVariables(deps: ApiDeps, instanceId: string, request: SetVariablesRequest): Promise<void> {
  const handle = deps.temporal.workflow.getHandle(instanceId);
  await bounded(deps, deps.timeouts.updateMs, () => handle.executeUpdate(setVariablesUpdate, { args: [request] })).catch(
    (err) => rejected(err, 'Changing the variables'),
  );
}

/** Signals cancellation; 409 when the workflow has already ended. */
export async function sendCancel(deps: ApiDeps, instanceId: string, reason: string, canceledBy: string): Promise<void> {
  const handle = deps.temporal.workflow.getHandle(instanceId);
  await bounded(deps, deps.timeouts.signalMs, () => handle.signal(cancelSignal, { reason, canceledBy })).catch((err) =>
    rejected(err, 'Canceling the instance'),
  );
}

/** The live state of a running instance, or undefined when the workflow cannot answer now. */
export async function queryState(deps: ApiDeps, instanceId: string): Promise<InstanceState | undefined> {
  const handle = deps.temporal.workflow.getHandle(instanceId);
  try {
    return await deps.temporal.withDeadline(Date.now() + deps.timeouts.queryMs, () => handle.query(stateQuery));
  } catch {
    return undefined;
  }
}
