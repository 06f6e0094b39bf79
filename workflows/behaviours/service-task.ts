/**
 * Service task: calls the handler registered for `zeebe:taskDefinition type` as an
 * activity (the element's retries). A missing handler, or one still failing after its
 * retries, becomes an incident on the element. Header values written `=expr` are
 * evaluated first, so a handler always receives plain strings.
 */
import { ActivityFailure, isCancellation } from '@temporalio/workflow';
import type { Variables } from '../contract';
import { runServiceTask } from '../effects';
import { evaluateValue } from '../feel';
import { HANDLER_NOT_FOUND, IncidentError } from '../incident-error';
import { complete, type Behaviour } from './types';

export const serviceTaskBehaviour: Behaviour<'serviceTask'> = {
  async run(context) {
    const { runtime, element, token } = context;
    const scope = context.scope();
    const taskType = String(evaluateValue(element.taskType, scope) ?? '').trim();
    if (taskType === '') throw new IncidentError(`Service task "${element.name}" has no task type`);
    try {
      const result = await runServiceTask(
        runtime,
        {
          instanceId: runtime.instanceId,
          processKey: runtime.input.processKey,
          elementId: element.id,
          elementInstanceId: token.elementInstanceId,
          taskType,
          headers: evaluateHeaders(element.headers, scope),
          variables: scope,
        },
        element.retries,
      );
      return complete(element.outgoing, result?.variables);
    } catch (error) {
      if (isCancellation(error)) throw error;
      throw new IncidentError(describeFailure(error, taskType, element.name, element.retries));
    }
  },
};

function evaluateHeaders(headers: Record<string, string>, scope: Variables): Record<string, string> {
  const evaluated: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const result = evaluateValue(value, scope);
    evaluated[name] = result === null || result === undefined ? '' : Array.isArray(result) ? result.join(',') : typeof result === 'object' ? JSON.stringify(result) : String(result);
  }
  return evaluated;
}

function describeFailure(error: unknown, taskType: string, name: string, retries: number): string {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  const type = cause && typeof cause === 'object' && 'type' in cause ? (cause as { type?: string }).type : undefined;
  if (type === HANDLER_NOT_FOUND) return message;
  const attempts = Math.max(1, Math.trunc(retries));
  return `Service task "${name}" (${taskType}) failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${message}`;
}
