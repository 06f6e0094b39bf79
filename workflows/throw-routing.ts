/**
 * Where a BPMN error or escalation goes, as Zeebe decides it: from the thrower outwards,
 * level by level — the boundary events of the throwing activity, then the event
 * sub-processes of its flow scope, then the boundary events of the scope's host
 * (sub-process, multi-instance body), and so on up to the process. At each level a
 * catch event with the same code wins over a catch-all one.
 *
 * Caught by an interrupting boundary event: the host activity is interrupted (everything
 * inside it stops) and its token continues at the boundary event. Caught by an
 * interrupting event sub-process: the scope's other tokens stop and the event
 * sub-process runs. Non-interrupting catches (escalations only) start a new token and the
 * thrower goes on. An uncaught error is an incident on the thrower, or — in an instance
 * a call activity started — ends the instance with the error for the parent to catch. An
 * uncaught escalation does nothing (a child instance hands it to its parent).
 */
import { CancellationScope, CancelledFailure, getExternalWorkflowHandle } from '@temporalio/workflow';
import type { Token } from './behaviours/types';
import { childEscalationSignal, type CatchableErrors, type ThrownEvent } from './contract';
import { evaluateValue } from './feel';
import { IncidentError } from './incident-error';
import type { BoundaryEventElement, EventTrigger, FlowElement, StartEventElement } from './model';
import type { InstanceRuntime } from './runtime';
import type { FlowScope } from './scopes';
import { startEventSubProcess } from './event-sub-processes';
import { isInterrupted, spawnToken } from './tokens';

export interface ThrowOrigin {
  element: FlowElement;
  token: Token;
  scope: FlowScope;
}

type Catch =
  | { kind: 'boundary'; boundary: BoundaryEventElement; hostInstanceId: string }
  | { kind: 'eventSubProcess'; start: StartEventElement; eventSubProcessId: string; scope: FlowScope };

/**
 * Routes `event`. With `continues`, the thrower goes on afterwards (an intermediate
 * escalation throw, a child's escalation at a call activity) unless the catch interrupted it.
 *
 * @throws IncidentError for an uncaught error in a top-level instance.
 * @throws CancelledFailure when a continuing thrower was interrupted by the catch.
 */
export async function routeThrow(runtime: InstanceRuntime, origin: ThrowOrigin, event: ThrownEvent, options: { continues: boolean }): Promise<void> {
  const found = findCatch(runtime, origin, event);
  const variables = event.variables;
  const local = event.kind === 'error' ? { errorCode: event.code, errorMessage: event.message ?? null } : { escalationCode: event.code };
  if (found?.kind === 'boundary') {
    const { boundary, hostInstanceId } = found;
    const frame = runtime.frames.get(hostInstanceId);
    if (boundary.cancelActivity) {
      frame?.interrupt({ boundaryId: boundary.id, variables, local });
    } else if (frame) {
      spawnToken(runtime, boundary.id, undefined, { scope: frame.scope, resume: { triggered: { variables, local } } });
    }
  } else if (found?.kind === 'eventSubProcess') {
    startEventSubProcess(runtime, found.scope, found.eventSubProcessId, found.start.interrupting !== false, { variables, local });
  } else if (event.kind === 'error') {
    await uncaughtError(runtime, origin, event);
  } else {
    await uncaughtEscalation(runtime, event);
  }
  const interrupted = runtime.frames.get(origin.token.elementInstanceId)?.interruption !== undefined || isInterrupted(runtime, origin.scope);
  if (options.continues && (interrupted || CancellationScope.current().consideredCancelled)) {
    throw new CancelledFailure('The thrower was interrupted by the event it threw');
  }
}

/** `context.escalate`: routes an escalation and lets the thrower go on. */
export function escalateFrom(runtime: InstanceRuntime, origin: ThrowOrigin, event: ThrownEvent): Promise<void> {
  return routeThrow(runtime, origin, event, { continues: true });
}

function findCatch(runtime: InstanceRuntime, origin: ThrowOrigin, event: ThrownEvent): Catch | undefined {
  if (runtime.frames.has(origin.token.elementInstanceId)) {
    const boundary = matchBoundary(runtime, origin.element, event);
    if (boundary) return { kind: 'boundary', boundary, hostInstanceId: origin.token.elementInstanceId };
  }
  for (let scope: FlowScope | undefined = origin.scope; scope; scope = scope.parent) {
    const start = matchEventSubProcess(runtime, scope, event);
    if (start) return { kind: 'eventSubProcess', start: start.start, eventSubProcessId: start.id, scope };
    const host = scope.hostInstanceId ? runtime.frames.get(scope.hostInstanceId) : undefined;
    if (host) {
      const boundary = matchBoundary(runtime, host.element, event);
      if (boundary) return { kind: 'boundary', boundary, hostInstanceId: host.elementInstanceId };
    }
  }
  return undefined;
}

function matchBoundary(runtime: InstanceRuntime, host: FlowElement, event: ThrownEvent): BoundaryEventElement | undefined {
  const candidates = host.boundaryEvents
    .map((id) => runtime.model.elements[id])
    .filter((element): element is BoundaryEventElement => element?.kind === 'boundaryEvent');
  return best(candidates, (boundary) => boundary.trigger, event);
}

function matchEventSubProcess(runtime: InstanceRuntime, scope: FlowScope, event: ThrownEvent): { id: string; start: StartEventElement } | undefined {
  if (scope.interrupted || scope.kind === 'body') return undefined;
  const ids = scope.kind === 'subProcess' ? eventSubProcessesOf(runtime.model.elements[scope.elementId ?? '']) : runtime.model.eventSubProcesses ?? [];
  const starts = ids
    .map((id) => ({ id, start: startOf(runtime, id) }))
    .filter((entry): entry is { id: string; start: StartEventElement } => entry.start !== undefined);
  const chosen = best(starts.map((entry) => entry.start), (start) => start.trigger, event);
  return chosen ? starts.find((entry) => entry.start === chosen) : undefined;
}

function eventSubProcessesOf(element: FlowElement | undefined): string[] {
  return element && (element.kind === 'subProcess' || element.kind === 'eventSubProcess') ? element.eventSubProcesses : [];
}

function startOf(runtime: InstanceRuntime, eventSubProcessId: string): StartEventElement | undefined {
  const host = runtime.model.elements[eventSubProcessId];
  if (host?.kind !== 'eventSubProcess') return undefined;
  const start = runtime.model.elements[host.startEventId];
  return start?.kind === 'startEvent' ? start : undefined;
}

/** The candidate whose trigger names the event's code, else the first catch-all one. */
function best<T>(candidates: T[], triggerOf: (candidate: T) => EventTrigger | undefined, event: ThrownEvent): T | undefined {
  let catchAll: T | undefined;
  for (const candidate of candidates) {
    const trigger = triggerOf(candidate);
    if (!trigger || trigger.type !== event.kind) continue;
    const code = trigger.type === 'error' ? trigger.errorCode : trigger.type === 'escalation' ? trigger.escalationCode : undefined;
    if (code === undefined || code === '') catchAll ??= candidate;
    else if (String(evaluateValue(code, {})) === event.code) return candidate;
  }
  return catchAll;
}

/**
 * The errors a throw from `origin` could be caught by: the same catch events `findCatch`
 * looks at, and whatever the calling instances catch above this one.
 */
export function catchableErrors(runtime: InstanceRuntime, origin: ThrowOrigin): CatchableErrors {
  const above = runtime.input.parent ? (runtime.input.parent.catchesErrors ?? { codes: [], any: true }) : { codes: [], any: false };
  const codes = new Set(above.codes);
  let any = above.any;
  const add = (trigger: EventTrigger | undefined) => {
    if (trigger?.type !== 'error') return;
    if (trigger.errorCode === undefined || trigger.errorCode === '') any = true;
    else codes.add(String(evaluateValue(trigger.errorCode, {})));
  };
  const addBoundaries = (host: FlowElement) => {
    for (const id of host.boundaryEvents) {
      const boundary = runtime.model.elements[id];
      if (boundary?.kind === 'boundaryEvent') add(boundary.trigger);
    }
  };
  addBoundaries(origin.element);
  for (let scope: FlowScope | undefined = origin.scope; scope; scope = scope.parent) {
    if (!scope.interrupted && scope.kind !== 'body') {
      const ids = scope.kind === 'subProcess' ? eventSubProcessesOf(runtime.model.elements[scope.elementId ?? '']) : runtime.model.eventSubProcesses ?? [];
      for (const id of ids) add(startOf(runtime, id)?.trigger);
    }
    const host = scope.hostInstanceId ? runtime.frames.get(scope.hostInstanceId) : undefined;
    if (host) addBoundaries(host.element);
  }
  return { codes: [...codes].sort(), any };
}

/** True when an instance above this one catches the error (or may: a parent that did not say what it catches). */
function caughtAbove(runtime: InstanceRuntime, event: ThrownEvent): boolean {
  const above = runtime.input.parent?.catchesErrors;
  return above === undefined || above.any || above.codes.includes(event.code);
}

async function uncaughtError(runtime: InstanceRuntime, origin: ThrowOrigin, event: ThrownEvent): Promise<void> {
  if (runtime.input.parent && caughtAbove(runtime, event)) {
    runtime.stopRequest ??= { kind: 'thrown', event, elementId: origin.element.id };
    return;
  }
  const where = runtime.input.parent ? ', here or in the calling process' : '';
  throw new IncidentError(
    `"${origin.element.name}" threw the error "${event.code}"${event.message ? ` (${event.message})` : ''}, but no boundary event or event sub-process catches it${where}`,
  );
}

async function uncaughtEscalation(runtime: InstanceRuntime, event: ThrownEvent): Promise<void> {
  const parent = runtime.input.parent;
  if (!parent) return;
  await getExternalWorkflowHandle(parent.instanceId).signal(childEscalationSignal, {
    callElementInstanceId: parent.elementInstanceId,
    escalationCode: event.code,
    variables: event.variables,
  });
}
