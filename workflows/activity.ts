/**
 * How an element runs (instances on the scopes patch). Activities run in a frame: the
 * boundary events attached to them are armed once their input mappings are applied and
 * disarmed when they end; an interrupting one cancels the frame and the token continues
 * at the boundary event. A BPMN error or escalation thrown by the behaviour is routed to
 * its catch event (workflows/throw-routing.ts); an uncaught error becomes an incident.
 * Multi-instance activities run their body per item (workflows/multi-instance.ts).
 */
import type { ElementContext, Outcome } from './behaviours/types';
import { armBoundaryEvents } from './boundary-arming';
import { ActivityFrame } from './frames';
import { attempt, attemptNow, isPromiseLike } from './incidents';
import type { FlowElement } from './model';
import { runMultiInstance } from './multi-instance';
import { isBpmnThrow } from './thrown';
import { routeThrow } from './throw-routing';
import { enterElement, runBehaviour } from './tokens';

const ACTIVITY_KINDS = new Set<FlowElement['kind']>([
  'userTask',
  'serviceTask',
  'scriptTask',
  'businessRuleTask',
  'sendTask',
  'receiveTask',
  'manualTask',
  'task',
  'subProcess',
  'callActivity',
]);

/**
 * True for elements that run in a frame: activities that something may interrupt on
 * their own (boundary events) or that host a scope (sub-processes, call activities,
 * multi-instance bodies). Other elements run without one; their flow scope stops them.
 */
export function needsFrame(element: FlowElement): boolean {
  return ACTIVITY_KINDS.has(element.kind) && (element.boundaryEvents.length > 0 || element.multiInstance !== undefined || SCOPE_HOSTS.has(element.kind));
}

const SCOPE_HOSTS = new Set<FlowElement['kind']>(['subProcess', 'callActivity']);

/**
 * Runs the element for its token and says where the token goes next — synchronously
 * when nothing in it waits (no promise is made for a gateway or a script task).
 */
export function runActivity(context: ElementContext): Outcome | Promise<Outcome> {
  const { runtime, element, token } = context;
  if (!needsFrame(element)) return attemptNow(runtime, token, () => routedNow(context, () => enterAndRun(context)));
  return runInFrame(context);
}

async function runInFrame(context: ElementContext): Promise<Outcome> {
  const { runtime, element, token } = context;
  const frame = new ActivityFrame(element, token.elementInstanceId, context.flowScope);
  runtime.frames.set(token.elementInstanceId, frame);
  try {
    const outcome = await frame.cancellation.run(() =>
      attempt(runtime, token, () =>
        routedNow(context, async () => {
          enterElement(context);
          if (!frame.armed && element.boundaryEvents.length > 0) await armBoundaryEvents(context, frame);
          return element.multiInstance ? runMultiInstance(context) : runBehaviour(element, context);
        }),
      ),
    );
    frame.settled = true;
    return frame.interruption ? leaveTo(frame) : outcome;
  } catch (error) {
    if (frame.interruption) return leaveTo(frame);
    throw error;
  } finally {
    await frame.end();
    runtime.frames.delete(token.elementInstanceId);
  }
}

function enterAndRun(context: ElementContext): Outcome | Promise<Outcome> {
  enterElement(context);
  return runBehaviour(context.element, context);
}

/**
 * Runs `step`; a BPMN error or escalation it throws is routed, and the thrower's token
 * ends. Synchronous while `step` is.
 */
function routedNow(context: ElementContext, step: () => Outcome | Promise<Outcome>): Outcome | Promise<Outcome> {
  const onThrow = (error: unknown): Promise<Outcome> => {
    if (!isBpmnThrow(error)) throw error;
    const origin = { element: context.element, token: context.token, scope: context.flowScope };
    return routeThrow(context.runtime, origin, error.event, { continues: false }).then((): Outcome => ({ kind: 'absorbed' }));
  };
  try {
    const outcome = step();
    return isPromiseLike(outcome) ? outcome.catch(onThrow) : outcome;
  } catch (error) {
    return onThrow(error);
  }
}


function leaveTo(frame: ActivityFrame): Outcome {
  const interruption = frame.interruption!;
  return { kind: 'leave', to: interruption.boundaryId, resume: { triggered: { variables: interruption.variables, local: interruption.local } } };
}
