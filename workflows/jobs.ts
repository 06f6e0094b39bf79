/**
 * Jobs: an element bound to a handler by `zeebe:taskDefinition` (service, send,
 * business-rule and script tasks written as jobs, message throw and end events). The
 * handler runs as an activity with the element's retries. Header values written `=expr`
 * are evaluated first, so a handler always receives plain strings. A missing handler, or
 * one still failing after its retries, is an incident on the element; a handler's
 * `BpmnError` is thrown as a BPMN error for the diagram to catch. Inside a large
 * multi-instance body the job carries a reference to the variables the body shares
 * instead of copies (workflows/shared-variables.ts); the handler still sees them all.
 */
import { ActivityFailure, isCancellation } from '@temporalio/workflow';
import type { ElementContext } from './behaviours/types';
import type { Variables } from './contract';
import { runServiceTask } from './effects';
import { evaluateValue, type FeelOptions } from './feel';
import { HANDLER_NOT_FOUND, IncidentError } from './incident-error';
import type { JobDefinition } from './model';
import { jobVariables } from './shared-variables';
import { BpmnThrow } from './thrown';

/**
 * Runs the element's job and returns the variables the handler produced.
 *
 * @throws BpmnThrow when the handler threw a BPMN error; IncidentError when it failed.
 */
export async function runJob(context: ElementContext, job: JobDefinition): Promise<Variables> {
  const { runtime, element, token } = context;
  const scope = context.scope();
  const taskType = String(evaluateValue(job.taskType, scope, context.runtime.feel) ?? '').trim();
  if (taskType === '') throw new IncidentError(`"${element.name}" has no job type`);
  const carried = runtime.v2 ? jobVariables(context.flowScope, scope) : { variables: scope };
  let result;
  try {
    result = await runServiceTask(
      runtime,
      {
        instanceId: runtime.instanceId,
        processKey: runtime.input.processKey,
        elementId: element.id,
        elementInstanceId: token.elementInstanceId,
        taskType,
        headers: evaluateHeaders(element.headers ?? {}, scope, context.runtime.feel),
        ...carried,
      },
      job.retries,
    );
  } catch (error) {
    if (isCancellation(error)) throw error;
    throw new IncidentError(describeFailure(error, taskType, `${LABELS[element.kind] ?? 'Job'} "${element.name}"`, job.retries));
  }
  if (result?.bpmnError) throw new BpmnThrow({ kind: 'error', ...result.bpmnError });
  return result?.variables ?? {};
}

function evaluateHeaders(headers: Record<string, string>, scope: Variables, feel: FeelOptions): Record<string, string> {
  const evaluated: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const result = evaluateValue(value, scope, feel);
    evaluated[name] = result === null || result === undefined ? '' : Array.isArray(result) ? result.join(',') : typeof result === 'object' ? JSON.stringify(result) : String(result);
  }
  return evaluated;
}

const LABELS: Partial<Record<string, string>> = {
  serviceTask: 'Service task',
  sendTask: 'Send task',
  scriptTask: 'Script task',
  businessRuleTask: 'Business rule task',
  intermediateThrowEvent: 'Message throw event',
  endEvent: 'Message end event',
};

function describeFailure(error: unknown, taskType: string, subject: string, retries: number): string {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  const type = cause && typeof cause === 'object' && 'type' in cause ? (cause as { type?: string }).type : undefined;
  if (type === HANDLER_NOT_FOUND) return message;
  const attempts = Math.max(1, Math.trunc(retries));
  return `${subject} (${taskType}) failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${message}`;
}
