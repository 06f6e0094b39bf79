/** Runs the handler a service task names; a missing handler is a non-retryable failure (an incident). */
import { ApplicationFailure } from '@temporalio/common';
import { HANDLER_NOT_FOUND } from '../workflows/incident-error';
import { serviceTaskHandlers } from './handlers';
import { BpmnError } from './handlers/types';
import type { RunServiceTaskInput, RunServiceTaskResult } from './types';
import type { ActivityDependencies } from './dependencies';
import { withSharedVariables } from './shared-variables';

/**
 * Calls the handler registered for `input.taskType` and returns the variables it produced.
 * The handler sees every variable visible to the job: those the input carries and the
 * shared variables of a large multi-instance body it references (activities/shared-variables.ts).
 *
 * @throws ApplicationFailure (non-retryable, type `HandlerNotFound`) when no handler has that name;
 * whatever the handler throws otherwise (retried by Temporal).
 */
export async function runServiceTask(dependencies: ActivityDependencies, input: RunServiceTaskInput): Promise<RunServiceTaskResult> {
  const handlers = dependencies.handlers ?? serviceTaskHandlers;
  const handler = Object.hasOwn(handlers, input.taskType) ? handlers[input.taskType] : undefined;
  if (!handler) {
    const known = Object.keys(handlers).sort().join(', ');
    throw ApplicationFailure.nonRetryable(
      `No handler is registered for service task type "${input.taskType}" (known types: ${known})`,
      HANDLER_NOT_FOUND,
    );
  }
  const visible = await withSharedVariables(dependencies, input.variables ?? {}, input.sharedVariables);
  const variables = await handler({
    db: dependencies.db,
    instanceId: input.instanceId,
    processKey: input.processKey,
    elementId: input.elementId,
    elementInstanceId: input.elementInstanceId,
    headers: input.headers ?? {},
    variables: visible,
    now: dependencies.clock ?? (() => new Date()),
  }).catch((error: unknown) => {
    if (error instanceof BpmnError) return error;
    throw error;
  });
  if (variables instanceof BpmnError) {
    return { variables: {}, bpmnError: { code: variables.code, message: variables.message, variables: variables.variables } };
  }
  return { variables: variables ?? {} };
}
