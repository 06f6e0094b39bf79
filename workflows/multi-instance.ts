/**
 * Multi-instance activities (Zeebe): the input collection is evaluated once; the body
 * runs once per item — all at once (parallel) or one after another (sequential) — each
 * in its own scope holding `inputElement` and `loopCounter` (1-based). When an instance
 * completes, its own output mappings propagate as usual and `outputElement`, evaluated in
 * its scope, is written at its index of `outputCollection` (local to the body, filled
 * with nulls up front). After each completion the completion condition is checked with
 * `numberOfInstances`, `numberOfActiveInstances`, `numberOfCompletedInstances` and
 * `numberOfTerminatedInstances` in scope; when it holds, the remaining instances stop.
 * Finally `outputCollection` propagates from the activity.
 */
import { CancellationScope, condition, isCancellation, uuid4 } from '@temporalio/workflow';
import type { ElementContext, Outcome, Token } from './behaviours/types';
import type { Variables } from './contract';
import { evaluateCondition, evaluateValue } from './feel';
import { IncidentError } from './incident-error';
import { attempt } from './incidents';
import type { MultiInstance } from './model';
import { FlowScope } from './scopes';
import { completeElement, createContext, enterElement, runBehaviour } from './tokens';

interface Counters {
  numberOfInstances: number;
  numberOfActiveInstances: number;
  numberOfCompletedInstances: number;
  numberOfTerminatedInstances: number;
}

/** Runs the context's multi-instance activity to completion and returns its outcome. */
export async function runMultiInstance(context: ElementContext): Promise<Outcome> {
  const { runtime, element, token } = context;
  const mi = element.multiInstance as MultiInstance;
  const items = inputItems(mi, context.scope(), element.name);
  const counters: Counters = { numberOfInstances: items.length, numberOfActiveInstances: 0, numberOfCompletedInstances: 0, numberOfTerminatedInstances: 0 };
  const body = new FlowScope({
    id: `${token.elementInstanceId}:body`,
    kind: 'body',
    elementId: element.id,
    hostInstanceId: token.elementInstanceId,
    parent: context.flowScope,
    variables: { ...context.local, ...counters, ...(mi.outputCollection ? { [mi.outputCollection]: items.map(() => null) } : {}) },
    outer: CancellationScope.current(),
  });
  let done = false;
  const runItem = async (index: number) => {
    counters.numberOfActiveInstances += 1;
    body.setLocal({ ...counters });
    try {
      await runInstance(context, body, mi, items[index], index);
      counters.numberOfCompletedInstances += 1;
    } catch (error) {
      if (!isCancellation(error)) throw error;
      counters.numberOfTerminatedInstances += 1;
    } finally {
      counters.numberOfActiveInstances -= 1;
      body.setLocal({ ...counters });
    }
    if (!done && mi.completionCondition && evaluateCondition(mi.completionCondition, body.visible()).met) {
      done = true;
      body.flow.cancel();
    }
  };
  if (mi.sequential) {
    for (let index = 0; index < items.length && !done; index += 1) await body.flow.run(() => runItem(index)).catch(rethrowUnlessCancelled);
  } else {
    const runs = items.map((_, index) => body.flow.run(() => runItem(index)).catch(rethrowUnlessCancelled));
    await Promise.all(runs);
  }
  await condition(() => counters.numberOfActiveInstances === 0);
  const output = mi.outputCollection ? { [mi.outputCollection]: body.variables[mi.outputCollection] } : undefined;
  return { kind: 'complete', flows: element.outgoing, variables: output, mapped: true };
}

function inputItems(mi: MultiInstance, scope: Variables, name: string): unknown[] {
  const value = evaluateValue(mi.inputCollection, scope);
  if (!Array.isArray(value)) {
    throw new IncidentError(`The input collection of "${name}" (${mi.inputCollection}) is not a list but ${value === null ? 'null' : typeof value}`);
  }
  return value;
}

/** One instance of the body: its own scope and element instance, input mappings, behaviour, output mappings, output element. */
async function runInstance(context: ElementContext, body: FlowScope, mi: MultiInstance, item: unknown, index: number): Promise<void> {
  const { runtime, element } = context;
  const token: Token = { elementId: element.id, elementInstanceId: uuid4() };
  const scope = new FlowScope({
    id: token.elementInstanceId,
    kind: 'body',
    elementId: element.id,
    parent: body,
    variables: { ...(mi.inputElement ? { [mi.inputElement]: item } : {}), loopCounter: index + 1 },
    outer: CancellationScope.current(),
  });
  const inner = createContext(runtime, element, token, scope);
  runtime.active.set(token.elementInstanceId, element.id);
  try {
    const outcome = await attempt(runtime, token, () => {
      enterElement(inner);
      return runBehaviour(element, inner);
    });
    if (outcome.kind !== 'complete') return;
    const returned = withoutBookkeeping(outcome.variables, mi);
    await attempt(runtime, token, () => {
      completeElement(inner, returned, outcome.mapped);
      if (mi.outputCollection && mi.outputElement !== undefined) {
        const value = evaluateValue(mi.outputElement, { ...scope.visible(), ...inner.local, ...(returned ?? {}) });
        const collected = [...((body.variables[mi.outputCollection] as unknown[]) ?? [])];
        collected[index] = value;
        body.setLocal({ [mi.outputCollection]: collected });
      }
    });
  } finally {
    runtime.active.delete(token.elementInstanceId);
    runtime.dirty = true;
  }
}

const COUNTERS = ['numberOfInstances', 'numberOfActiveInstances', 'numberOfCompletedInstances', 'numberOfTerminatedInstances', 'loopCounter'];

/**
 * The variables an instance hands back, without the body's own bookkeeping: a called
 * process or a job that received the output collection, the counters or the item would
 * otherwise write their stale copies back over the body's.
 */
function withoutBookkeeping(variables: Variables | undefined, mi: MultiInstance): Variables | undefined {
  if (!variables) return variables;
  const reserved = new Set([...COUNTERS, mi.outputCollection, mi.inputElement].filter(Boolean));
  return Object.fromEntries(Object.entries(variables).filter(([name]) => !reserved.has(name)));
}

function rethrowUnlessCancelled(error: unknown): void {
  if (!isCancellation(error)) throw error;
}
