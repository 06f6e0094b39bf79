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
 *
 * Large bodies (instances on {@link LARGE_BODIES_PATCH}) stay within Temporal's history limits:
 * - their large variables (the input collection, typically) are stored once and each job
 *   carries a reference instead of a copy (workflows/shared-variables.ts);
 * - a parallel body of jobs runs in waves: once the run wants to continue as new, no
 *   further instance starts, the running ones finish, and the body hands its progress
 *   (next item, counters, outputs so far) to the next run, as a sequential body does
 *   between items. Only bodies that are a task of a job-like kind (service, script,
 *   business-rule, send, manual, undefined) run in waves: nothing outside addresses their
 *   instances. User and receive tasks, sub-processes and call activities (whose instances
 *   wait for something sent to this workflow, or may) start every instance in one run, as
 *   do bodies that cannot hand over (boundary events on the activity, inside a
 *   sub-process, an instance with event sub-processes, another token busy); their run's
 *   history then grows with the number of items. A body of jobs that may run in waves
 *   runs at most {@link ACTIVE_INSTANCES_IN_WAVES} instances at once, in any run. The
 *   completion condition is still checked after every instance; `numberOfActiveInstances`
 *   stays at or below that bound and drops to 0 between waves.
 */
import { CancellationScope, CancelledFailure, condition, isCancellation, patched, sleep, uuid4 } from '@temporalio/workflow';
import type { ElementContext, Outcome, Token } from './behaviours/types';
import type { Variables } from './contract';
import { evaluateCondition, evaluateValue, type FeelOptions } from './feel';
import { IncidentError } from './incident-error';
import { attempt } from './incidents';
import type { FlowElement, MultiInstance } from './model';
import { mayPark } from './resume';
import type { InstanceRuntime } from './runtime';
import { FlowScope } from './scopes';
import { jobBytes, planSharing, shareWithJobs, type SharingPlan } from './shared-variables';
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
/** Instances on this patch share a large body's variables with its jobs by reference and run large parallel bodies of jobs in waves. */
const LARGE_BODIES_PATCH = 'qualflow-multi-instance-large-bodies';
/** A parallel body with fewer items never fills a run: it does not ask for the patch for waves alone. */
const WAVES_FROM_ITEMS = 500;

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
  const plan = paced ? planSharing(body, items.length, COUNTERS, mi.outputCollection) : undefined;
  const inWaves = paced && !mi.sequential && WAVE_KINDS.has(element.kind) && items.length >= WAVES_FROM_ITEMS;
  // Asked only for a large body, so a small one's history stays as it was.
  const large = (plan !== undefined || inWaves) && patched(LARGE_BODIES_PATCH);
  const release = large && plan ? await shareWithJobs(runtime, body, token.elementInstanceId, plan) : undefined;
  try {
    const checkCompletion = () => {
      if (!done && mi.completionCondition && evaluateCondition(mi.completionCondition, body.visible(), context.runtime.feel).met) {
        done = true;
        body.flow.cancel();
      }
    };
    const runItem = async (index: number) => {
      // An instance of the body costs several promises, each far dearer in the workflow sandbox than a step of the token chain.
      if (paced) runtime.stepsSinceYield += INSTANCE_COST - 1;
      counters.numberOfActiveInstances += 1;
      body.setLocal({ ...counters });
      let counted = false;
      // Large bodies count an instance the moment it completes, so the next one completing in the same workflow task sees the condition met.
      const completion: Completion | undefined = large
        ? {
            stopped: () => done,
            complete: () => {
              if (!counted) {
                counted = true;
                counters.numberOfActiveInstances -= 1;
                counters.numberOfCompletedInstances += 1;
                body.setLocal({ ...counters });
              }
              checkCompletion();
            },
          }
        : undefined;
      try {
        await runInstance(context, body, mi, items[index], index, completion);
        if (!counted) counters.numberOfCompletedInstances += 1;
      } catch (error) {
        if (!isCancellation(error)) throw error;
        counters.numberOfTerminatedInstances += 1;
      } finally {
        if (!counted) {
          counters.numberOfActiveInstances -= 1;
          body.setLocal({ ...counters });
        }
      }
      if (!completion) checkCompletion();
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
      const perTask = paced ? instancesPerWorkflowTask(jobBytes(body, large ? plan : undefined)) : Infinity;
      for (let index = first; index < items.length && !done; index += 1) {
        if (large && inWaves && index > first && mayHandOver(context)) {
          // The run is full: let the running instances finish, then hand the rest to the next run.
          await condition(() => counters.numberOfActiveInstances === 0);
          if (!done && mayHandOver(context)) await handOver(context, { items, next: index, counters, variables: body.variables });
        }
        if (large && inWaves && counters.numberOfActiveInstances >= ACTIVE_INSTANCES_IN_WAVES) {
          await condition(() => counters.numberOfActiveInstances < ACTIVE_INSTANCES_IN_WAVES || done);
          if (done) break;
        }
        // All commands of a workflow task go to the server in one message (local activities do not
        // end the task): a short timer starts a new one before that message grows too large.
        if (index > first && (index - first) % perTask === 0) await sleep(1);
        if (paced && dueToYield(runtime)) await yieldActivation(runtime);
        runs.push(body.flow.run(() => runItem(index)).catch(rethrowUnlessCancelled));
      }
      await Promise.all(runs);
    }
    await condition(() => counters.numberOfActiveInstances === 0);
    const output = mi.outputCollection ? { [mi.outputCollection]: body.variables[mi.outputCollection] } : undefined;
    return { kind: 'complete', flows: element.outgoing, variables: output, mapped: true };
  } finally {
    // Not reached when the run hands over to the next one (that run stores them again).
    if (release) await release();
  }
}

/** What the commands of one workflow task may carry, well under the server's 4 MB message limit. */
const BYTES_PER_WORKFLOW_TASK = 1_000_000;
const MAX_INSTANCES_PER_WORKFLOW_TASK = 100;

/**
 * How many instances of a parallel body start in one workflow task: each may schedule a
 * job carrying the variables it sees, so fewer when those are large.
 */
function instancesPerWorkflowTask(size: number): number {
  return Math.max(1, Math.min(MAX_INSTANCES_PER_WORKFLOW_TASK, Math.floor(BYTES_PER_WORKFLOW_TASK / Math.max(size, 1))));
}

/**
 * Instances of a body running in waves that run at once. The server fails a workflow task
 * (and the worker replays the whole run) when more than 100 events arrive while it is being
 * worked on; each running job adds two (started, completed).
 */
const ACTIVE_INSTANCES_IN_WAVES = 40;

/** Kinds whose instances nothing outside the workflow addresses: a parallel body of them may run in waves. */
const WAVE_KINDS = new Set<FlowElement['kind']>(['serviceTask', 'scriptTask', 'businessRuleTask', 'sendTask', 'manualTask', 'task']);

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

/** How an instance of a large body reports its completion the moment it happens. */
interface Completion {
  /** True once the completion condition was met: an instance finishing now ends as terminated (Zeebe). */
  stopped(): boolean;
  /** Counts the instance as completed and checks the completion condition. */
  complete(): void;
}

/** One instance of the body: its own scope and element instance, input mappings, behaviour, output mappings, output element. */
async function runInstance(context: ElementContext, body: FlowScope, mi: MultiInstance, item: unknown, index: number, completion?: Completion): Promise<void> {
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
      if (completion?.stopped()) throw new CancelledFailure('The multi-instance body met its completion condition');
      completeElement(inner, returned, outcome.mapped);
      if (mi.outputCollection && mi.outputElement !== undefined) {
        const value = evaluateValue(mi.outputElement, { ...scope.visible(), ...inner.local, ...(returned ?? {}) }, context.runtime.feel);
        // Written in place: copying the collection for every item would cost the square of its length.
        const collected = body.variables[mi.outputCollection];
        if (Array.isArray(collected)) collected[index] = value;
        else body.setLocal({ [mi.outputCollection]: Object.assign([], { [index]: value }) });
      }
      completion?.complete();
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
