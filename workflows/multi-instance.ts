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
import { CancellationScope, condition, isCancellation, patched, sleep, uuid4 } from '@temporalio/workflow';
import type { ElementContext, Outcome, Token } from './behaviours/types';
import type { Variables } from './contract';
import { evaluateCondition, evaluateValue, type FeelOptions } from './feel';
import { IncidentError } from './incident-error';
import { attempt } from './incidents';
import type { MultiInstance } from './model';
import { mayPark } from './resume';
import type { InstanceRuntime } from './runtime';
import { FlowScope } from './scopes';
import { completeElement, createContext, enterElement, runBehaviour, STEPS_PER_ACTIVATION, yieldActivation } from './tokens';

interface Counters {
  numberOfInstances: number;
  numberOfActiveInstances: number;
  numberOfCompletedInstances: number;
  numberOfTerminatedInstances: number;
}

/** What a sequential body hands to the next run between two items (continue-as-new). */
interface SavedBody {
  items: unknown[];
  next: number;
  counters: Counters;
  variables: Variables;
}

/** Instances on this patch pace long bodies: they yield the activation and, sequential ones, continue as new between items. */
const PACING_PATCH = 'qualflow-multi-instance-pacing';

/** Runs the context's multi-instance activity to completion and returns its outcome. */
export async function runMultiInstance(context: ElementContext): Promise<Outcome> {
  const { runtime, element, token } = context;
  const mi = element.multiInstance as MultiInstance;
  const saved = (token.resume as { multiInstance?: SavedBody } | undefined)?.multiInstance;
  const items = saved?.items ?? inputItems(mi, context.scope(), element.name, context.runtime.feel);
  const counters: Counters = saved?.counters ?? { numberOfInstances: items.length, numberOfActiveInstances: 0, numberOfCompletedInstances: 0, numberOfTerminatedInstances: 0 };
  const body = new FlowScope({
    id: `${token.elementInstanceId}:body`,
    kind: 'body',
    elementId: element.id,
    hostInstanceId: token.elementInstanceId,
    parent: context.flowScope,
    variables: saved?.variables ?? { ...context.local, ...counters, ...(mi.outputCollection ? { [mi.outputCollection]: items.map(() => null) } : {}) },
    outer: CancellationScope.current(),
  });
  let done = false;
  const paced = runtime.v2 && patched(PACING_PATCH);
  const runItem = async (index: number) => {
    // An instance of the body costs several promises, each far dearer in the workflow sandbox than a step of the token chain.
    if (paced) runtime.stepsSinceYield += INSTANCE_COST - 1;
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
    if (!done && mi.completionCondition && evaluateCondition(mi.completionCondition, body.visible(), context.runtime.feel).met) {
      done = true;
      body.flow.cancel();
    }
  };
  const first = saved?.next ?? 0;
  if (mi.sequential) {
    for (let index = first; index < items.length && !done; index += 1) {
      if (paced && index > first && mayHandOver(context)) await handOver(context, { items, next: index, counters, variables: body.variables });
      if (paced && dueToYield(runtime)) await yieldActivation(runtime);
      await body.flow.run(() => runItem(index)).catch(rethrowUnlessCancelled);
    }
  } else {
    const runs: Promise<void>[] = [];
    const perTask = paced ? instancesPerWorkflowTask(body) : Infinity;
    for (let index = 0; index < items.length && !done; index += 1) {
      // All commands of a workflow task go to the server in one message (local activities do not
      // end the task): a short timer starts a new one before that message grows too large.
      if (index > 0 && index % perTask === 0) await sleep(1);
      if (paced && dueToYield(runtime)) await yieldActivation(runtime);
      runs.push(body.flow.run(() => runItem(index)).catch(rethrowUnlessCancelled));
    }
    await Promise.all(runs);
  }
  await condition(() => counters.numberOfActiveInstances === 0);
  const output = mi.outputCollection ? { [mi.outputCollection]: body.variables[mi.outputCollection] } : undefined;
  return { kind: 'complete', flows: element.outgoing, variables: output, mapped: true };
}

/** What the commands of one workflow task may carry, well under the server's 4 MB message limit. */
const BYTES_PER_WORKFLOW_TASK = 1_000_000;
const MAX_INSTANCES_PER_WORKFLOW_TASK = 100;

/**
 * How many instances of a parallel body start in one workflow task: each may schedule a
 * job carrying the variables it sees, so fewer when those are large.
 */
function instancesPerWorkflowTask(body: FlowScope): number {
  const size = JSON.stringify(body.visible()).length;
  return Math.max(1, Math.min(MAX_INSTANCES_PER_WORKFLOW_TASK, Math.floor(BYTES_PER_WORKFLOW_TASK / Math.max(size, 1))));
}

/** Steps of the token chain one instance of a body counts as, for yielding the activation. */
const INSTANCE_COST = 5;

/** True when the activation has run long enough to yield (checked without making a promise). */
function dueToYield(runtime: InstanceRuntime): boolean {
  return runtime.stepsSinceYield >= STEPS_PER_ACTIVATION;
}

/** A sequential body at process level may hand over between items when the run wants to continue as new. */
function mayHandOver(context: ElementContext): boolean {
  return context.element.boundaryEvents.length === 0 && mayPark(context.runtime, context.flowScope);
}

/** Declares the body's progress as its wait and stops here; the next run picks it up at `saved.next`. Never returns. */
function handOver(context: ElementContext, saved: SavedBody): Promise<never> {
  context.waiting({ multiInstance: saved });
  context.runtime.parking = true;
  return condition(() => false) as Promise<never>;
}

function inputItems(mi: MultiInstance, scope: Variables, name: string, feel: FeelOptions): unknown[] {
  const value = evaluateValue(mi.inputCollection, scope, feel);
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
      enterElement(inner, { bounded: true });
      return runBehaviour(element, inner);
    });
    if (outcome.kind !== 'complete') return;
    const returned = withoutBookkeeping(outcome.variables, mi);
    await attempt(runtime, token, () => {
      completeElement(inner, returned, outcome.mapped);
      if (mi.outputCollection && mi.outputElement !== undefined) {
        const value = evaluateValue(mi.outputElement, { ...scope.visible(), ...inner.local, ...(returned ?? {}) }, context.runtime.feel);
        // Written in place: copying the collection for every item would cost the square of its length.
        const collected = body.variables[mi.outputCollection];
        if (Array.isArray(collected)) collected[index] = value;
        else body.setLocal({ [mi.outputCollection]: Object.assign([], { [index]: value }) });
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
