/**
 * Incidents: a business problem on an element stops its token there, visible in the
 * monitor, until someone retries (optionally with corrected variables). Never a failed
 * workflow for a business problem.
 */
import { CancellationScope, condition, isCancellation, log, uuid4 } from '@temporalio/workflow';
import { incidentAudit, SYSTEM_ACTOR } from './audit';
import type { RetryIncidentRequest } from './contract';
import { effect } from './effects';
import { isPlainObject } from './feel';
import { IncidentError } from './incident-error';
import { isBpmnThrow } from './thrown';
import type { InstanceRuntime, OpenIncident } from './runtime';

/** The element instance an incident is raised on. */
export interface IncidentSite {
  elementId: string;
  elementInstanceId: string;
}

/**
 * Runs `step`; when it throws (anything but cancellation) raises an incident on `site`,
 * waits until the incident is retried, and runs `step` again.
 *
 * @throws CancelledFailure when the instance is canceled or terminated meanwhile.
 */
export async function attempt<T>(runtime: InstanceRuntime, site: IncidentSite, step: () => T | Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await step();
    } catch (error) {
      if (isCancellation(error) || isBpmnThrow(error)) throw error;
      const incident = await raiseIncident(runtime, site, incidentMessage(error));
      await waitForRetry(runtime, incident);
    }
  }
}

/**
 * {@link attempt} without a promise when `step` succeeds synchronously: automatic
 * elements (gateways, scripts, mappings) then cost no promise at all, which matters in
 * the workflow sandbox, where every promise records a stack trace.
 */
export function attemptNow<T>(runtime: InstanceRuntime, site: IncidentSite, step: () => T | Promise<T>): T | Promise<T> {
  const recover = (error: unknown): Promise<T> => {
    if (isCancellation(error) || isBpmnThrow(error)) throw error;
    return raiseIncident(runtime, site, incidentMessage(error))
      .then((incident) => waitForRetry(runtime, incident))
      .then(() => attempt(runtime, site, step));
  };
  try {
    const result = step();
    return isPromiseLike(result) ? Promise.resolve(result).catch(recover) : result;
  } catch (error) {
    return recover(error);
  }
}

/** True for a promise (or any thenable). */
export function isPromiseLike<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/**
 * Waits until the incident is retried. When the element is interrupted meanwhile (a
 * boundary event, an interrupting event sub-process) its incident is resolved, as in
 * Camunda; when the whole instance stops, the lifecycle resolves it.
 */
async function waitForRetry(runtime: InstanceRuntime, incident: OpenIncident): Promise<void> {
  try {
    await condition(() => !runtime.incidents.has(incident.view.id));
  } catch (error) {
    if (isCancellation(error) && runtime.v2 && !runtime.stopRequest && runtime.incidents.has(incident.view.id)) {
      await CancellationScope.nonCancellable(() => resolveIncident(runtime, incident));
    }
    throw error;
  }
}

async function raiseIncident(runtime: InstanceRuntime, site: IncidentSite, message: string): Promise<OpenIncident> {
  const incidentId = uuid4();
  const audit = incidentAudit(runtime, incidentId, 'incident.raised', SYSTEM_ACTOR, { elementId: site.elementId, message });
  await effect(runtime, 'raiseIncident', { incidentId, instanceId: runtime.instanceId, ...site, message, audit });
  const incident: OpenIncident = {
    view: { id: incidentId, ...site, message, createdAt: new Date().toISOString() },
    retrying: false,
  };
  runtime.incidents.set(incidentId, incident);
  runtime.dirty = true;
  log.warn('Incident raised', { instanceId: runtime.instanceId, elementId: site.elementId, message });
  return incident;
}

/**
 * Checks a retry request (the update validator).
 *
 * @throws Error when no open incident has that id or the variables are not an object.
 */
export function validateRetry(runtime: InstanceRuntime, request: RetryIncidentRequest): void {
  if (!request || typeof request.incidentId !== 'string') throw new Error('A retry needs the incidentId');
  const incident = runtime.incidents.get(request.incidentId);
  if (!incident || incident.retrying) {
    throw new Error(`Incident ${request.incidentId} is not open in instance ${runtime.instanceId}`);
  }
  if (request.variables !== undefined && !isPlainObject(request.variables)) {
    throw new Error('The variables of a retry must be an object');
  }
}

/** Merges the request's variables, resolves the incident in the database, and lets its token run the element again. */
export async function retryIncident(runtime: InstanceRuntime, request: RetryIncidentRequest): Promise<void> {
  const incident = runtime.incidents.get(request.incidentId);
  if (!incident) return;
  incident.retrying = true;
  runtime.mergeVariables(request.variables);
  await resolveIncident(runtime, incident, request.retriedBy);
}

/** Marks the incident resolved (retried, or its instance canceled). */
export async function resolveIncident(runtime: InstanceRuntime, incident: OpenIncident, resolvedBy?: string): Promise<void> {
  const audit = incidentAudit(runtime, incident.view.id, 'incident.resolved', resolvedBy ?? SYSTEM_ACTOR, { elementId: incident.view.elementId });
  await effect(runtime, 'resolveIncident', { incidentId: incident.view.id, resolvedBy, audit });
  runtime.incidents.delete(incident.view.id);
  runtime.dirty = true;
}

function incidentMessage(error: unknown): string {
  if (error instanceof IncidentError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `Unexpected error: ${message}`;
}
