/**
 * Token moves: a token enters an element, its behaviour runs, and on completion the token
 * moves along the chosen flows (one new token per flow: an implicit fork when there are
 * several). Automatic elements finish synchronously, so a chain of them runs within one
 * workflow task; only side effects and waits leave it.
 */
import { isCancellation, uuid4 } from '@temporalio/workflow';
import { behaviours } from './behaviours';
import type { Behaviour, ElementContext, Outcome, Token } from './behaviours/types';
import type { Variables } from './contract';
import { applyMappings } from './feel';
import { IncidentError } from './incident-error';
import { attempt } from './incidents';
import type { ElementKind, FlowElement } from './model';
import type { InstanceRuntime } from './runtime';

/**
 * Starts a token at `elementId` in the instance's token scope. Nothing starts once the
 * instance is stopping. An error other than cancellation is kept as `runtime.fatalError`
 * (an engine bug: the workflow task fails and is retried).
 */
export function spawnToken(runtime: InstanceRuntime, elementId: string, viaFlow?: string): void {
  if (runtime.stopRequest) return;
  runtime.liveTokens += 1;
  runtime.tokensScope
    .run(() => runToken(runtime, elementId, viaFlow))
    .catch((error: unknown) => {
      if (!isCancellation(error)) runtime.fatalError ??= error;
    })
    .finally(() => {
      runtime.liveTokens -= 1;
    });
}

async function runToken(runtime: InstanceRuntime, elementId: string, viaFlow: string | undefined): Promise<void> {
  const element = runtime.element(elementId);
  const token: Token = { elementId, elementInstanceId: uuid4(), viaFlow };
  runtime.active.set(token.elementInstanceId, elementId);
  runtime.dirty = true;
  try {
    const context = createContext(runtime, element, token);
    const outcome = await attempt(runtime, token, () => {
      guardAgainstEndlessLoop(runtime, element);
      replace(context.local, applyMappings(element.inputs, runtime.variables, {}));
      return runBehaviour(element, context);
    });
    if (outcome.kind === 'complete') {
      await attempt(runtime, token, () => completeElement(runtime, element, context.local, outcome.variables));
      runtime.path.push(element.id);
      leave(runtime, token);
      for (const flowId of outcome.flows) takeFlow(runtime, flowId);
    } else if (outcome.kind === 'leave') {
      leave(runtime, token);
      spawnToken(runtime, outcome.to);
    }
  } finally {
    leave(runtime, token);
  }
}

/** Merges the element's result variables, then applies its output mappings to the process scope. */
function completeElement(runtime: InstanceRuntime, element: FlowElement, local: Variables, result: Variables | undefined): void {
  const variables = { ...runtime.variables, ...(result ?? {}) };
  if (element.outputs.length > 0) {
    applyMappings(element.outputs, { ...runtime.variables, ...local, ...(result ?? {}) }, variables);
  }
  runtime.variables = variables;
  runtime.dirty = true;
}

/**
 * A token that passes this many elements without waiting for anything is almost
 * certainly in a loop of automatic steps that never ends; an incident says so instead of
 * the workflow task timing out again and again.
 */
export const MAX_STEPS_WITHOUT_WAIT = 1000;

function guardAgainstEndlessLoop(runtime: InstanceRuntime, element: FlowElement): void {
  runtime.stepsWithoutWait += 1;
  if (runtime.stepsWithoutWait > MAX_STEPS_WITHOUT_WAIT) {
    runtime.noteWait();
    throw new IncidentError(
      `The instance passed ${MAX_STEPS_WITHOUT_WAIT} elements without waiting for anything; "${element.name}" may be part of a loop that never ends`,
    );
  }
}

function takeFlow(runtime: InstanceRuntime, flowId: string): void {
  const flow = runtime.model.flows[flowId];
  if (!flow) throw new Error(`The process model has no sequence flow "${flowId}"`);
  spawnToken(runtime, flow.targetRef, flowId);
}

function leave(runtime: InstanceRuntime, token: Token): void {
  runtime.waits.delete(token.elementInstanceId);
  if (runtime.active.delete(token.elementInstanceId)) runtime.dirty = true;
}

function createContext(runtime: InstanceRuntime, element: FlowElement, token: Token): ElementContext {
  const local: Variables = {};
  return {
    runtime,
    element,
    token,
    local,
    scope: () => ({ ...runtime.variables, ...local }),
    spawn: (elementId) => spawnToken(runtime, elementId),
    attempt: (step) => attempt(runtime, token, step),
    waiting: (data) => {
      runtime.waits.set(token.elementInstanceId, { elementId: element.id, data });
    },
    escalate: async () => {
      // Escalation handling lands with sub-process scopes; uncaught escalations do nothing, as in Camunda.
    },
  };
}

function runBehaviour(element: FlowElement, context: ElementContext): Outcome | Promise<Outcome> {
  const behaviour = behaviours[element.kind] as Behaviour<ElementKind>;
  return behaviour.run(context as never);
}

function replace(target: Variables, source: Variables): void {
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, source);
}
