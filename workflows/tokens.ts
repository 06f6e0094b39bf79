/**
 * Token moves: a token enters an element, its behaviour runs, and on completion the token
 * moves along the chosen flows (one new token per flow: an implicit fork when there are
 * several). Automatic elements finish synchronously, so a chain of them runs within one
 * workflow task; only side effects and waits leave it.
 *
 * Every token runs in a flow scope (the process, a sub-process, a multi-instance body).
 * Activities run in a frame (workflows/frames.ts) so boundary events, BPMN errors and
 * escalations can interrupt exactly them (workflows/activity.ts).
 */
import { CancellationScope, isCancellation, uuid4 } from '@temporalio/workflow';
import { runActivity } from './activity';
import { behaviours } from './behaviours';
import type { Behaviour, ElementContext, Outcome, Token } from './behaviours/types';
import type { Variables } from './contract';
import { applyMappings } from './feel';
import { IncidentError } from './incident-error';
import { recordCompensable } from './compensation';
import { attempt, attemptNow, isPromiseLike } from './incidents';
import type { ElementKind, FlowElement } from './model';
import type { InstanceRuntime } from './runtime';
import { recordInstanceState } from './instance-state';
import { mayPark, park } from './resume';
import type { FlowScope } from './scopes';
import { escalateFrom } from './throw-routing';
import { visitAbandoned, visitCompleted, visitStarted } from './visits';

export interface SpawnOptions {
  /** The flow scope the token runs in (default: the process). */
  scope?: FlowScope;
  /** Handed to the element as `token.resume`. */
  resume?: unknown;
  /** The cancellation scope to run in (default: the flow scope's regular tokens). */
  cancellation?: CancellationScope;
  /** Keep this element instance id (a token picked up again after continue-as-new). */
  elementInstanceId?: string;
}

/**
 * Starts a token at `elementId`. Nothing starts once the instance is stopping. An error
 * other than cancellation is kept as `runtime.fatalError` (an engine bug: the workflow
 * task fails and is retried).
 */
export function spawnToken(runtime: InstanceRuntime, elementId: string, viaFlow?: string, options: SpawnOptions = {}): Promise<void> {
  if (runtime.stopRequest) return Promise.resolve();
  const scope = options.scope ?? runtime.root;
  if (!options.cancellation && isInterrupted(runtime, scope)) return Promise.resolve();
  const cancellation = options.cancellation ?? scope.flow;
  runtime.liveTokens += 1;
  scope.liveTokens += 1;
  if (!runtime.v2) {
    return cancellation
      .run(() => runTokenFirstVersion(runtime, elementId, viaFlow, scope, options))
      .catch((error: unknown) => {
        if (!isCancellation(error)) runtime.fatalError ??= error;
      })
      .finally(() => {
        runtime.liveTokens -= 1;
        scope.liveTokens -= 1;
      });
  }
  const done = (next: Next | void) => {
    runtime.liveTokens -= 1;
    scope.liveTokens -= 1;
    if (next) move(runtime, scope, next);
  };
  const failed = (error: unknown) => {
    runtime.liveTokens -= 1;
    scope.liveTokens -= 1;
    if (!isCancellation(error)) runtime.fatalError ??= error;
  };
  let result: Next | void | Promise<Next | void>;
  try {
    // Already in the token's cancellation scope (a chain of automatic steps): no new context needed.
    const run = () => runToken(runtime, elementId, viaFlow, scope, options);
    result = CancellationScope.current() === cancellation ? run() : cancellation.run(async () => run());
  } catch (error) {
    failed(error);
    return Promise.resolve();
  }
  if (!isPromiseLike(result)) {
    done(result);
    return Promise.resolve();
  }
  return result.then(done, failed);
}

/**
 * Where a finished token goes (scopes patch): its successors start once it is gone, so
 * the instance never counts a token and its successor at once.
 */
type Next = { flows: string[] } | { to: string; resume?: unknown };

function move(runtime: InstanceRuntime, scope: FlowScope, next: Next): void {
  if ('flows' in next) {
    for (const flowId of next.flows) takeFlow(runtime, flowId, scope);
  } else {
    void spawnToken(runtime, next.to, undefined, { scope, resume: next.resume });
  }
}

/**
 * One token through one element (scopes patch), synchronously as long as nothing waits:
 * a chain of automatic steps makes no promise, which the workflow sandbox makes costly.
 * Every so often the chain yields the activation, or parks for continue-as-new.
 */
function runToken(runtime: InstanceRuntime, elementId: string, viaFlow: string | undefined, scope: FlowScope, options: SpawnOptions): Next | void | Promise<Next | void> {
  if (options.resume === undefined) {
    const due = runtime.stepsSinceYield >= STEPS_PER_ACTIVATION;
    if (mayPark(runtime, scope)) return park(runtime, elementId, viaFlow, uuid4());
    if (due) return yieldActivation(runtime).then(() => enterToken(runtime, elementId, viaFlow, scope, options));
  }
  return enterToken(runtime, elementId, viaFlow, scope, options);
}

function enterToken(runtime: InstanceRuntime, elementId: string, viaFlow: string | undefined, scope: FlowScope, options: SpawnOptions): Next | void | Promise<Next | void> {
  const element = runtime.element(elementId);
  const token: Token = { elementId, elementInstanceId: options.elementInstanceId ?? uuid4(), viaFlow, resume: options.resume, inFlow: !options.cancellation };
  enter(runtime, scope, token);
  const context = createContext(runtime, element, token, scope);
  const abandon = (error: unknown): never => {
    leave(runtime, scope, token);
    throw error;
  };
  let outcome: Outcome | Promise<Outcome>;
  try {
    outcome = runActivity(context);
  } catch (error) {
    return abandon(error);
  }
  return isPromiseLike(outcome) ? outcome.then((settled) => afterOutcome(context, scope, settled), abandon) : afterOutcome(context, scope, outcome);
}

function afterOutcome(context: ElementContext, scope: FlowScope, outcome: Outcome): Next | void | Promise<Next | void> {
  const { runtime, element, token } = context;
  if (outcome.kind !== 'complete') {
    if (outcome.kind === 'leave' && outcome.completed) visitCompleted(runtime, element.id, token.elementInstanceId);
    leave(runtime, scope, token);
    return outcome.kind === 'leave' ? { to: outcome.to, resume: outcome.resume } : undefined;
  }
  const finish = (): Next => {
    recordCompensable(context);
    visitCompleted(runtime, element.id, token.elementInstanceId);
    leave(runtime, scope, token);
    return { flows: outcome.flows };
  };
  const abandon = (error: unknown): never => {
    leave(runtime, scope, token);
    throw error;
  };
  let completed: void | Promise<void>;
  try {
    completed = attemptNow(runtime, token, () => completeElement(context, outcome.variables, outcome.mapped));
  } catch (error) {
    return abandon(error);
  }
  return isPromiseLike(completed) ? completed.then(finish, abandon) : finish();
}

/** The first interpreter's token run, unchanged, for instances started before the scopes patch. */
async function runTokenFirstVersion(runtime: InstanceRuntime, elementId: string, viaFlow: string | undefined, scope: FlowScope, options: SpawnOptions): Promise<void> {
  const element = runtime.element(elementId);
  const token: Token = { elementId, elementInstanceId: options.elementInstanceId ?? uuid4(), viaFlow, resume: options.resume };
  enter(runtime, scope, token);
  try {
    const context = createContext(runtime, element, token, scope);
    const outcome = await runFirstVersion(context);
    if (outcome.kind === 'complete') {
      await attempt(runtime, token, () => completeElement(context, outcome.variables, outcome.mapped));
      visitCompleted(runtime, element.id, token.elementInstanceId);
      leave(runtime, scope, token);
      for (const flowId of outcome.flows) takeFlow(runtime, flowId, scope);
    } else if (outcome.kind === 'leave') {
      leave(runtime, scope, token);
      void spawnToken(runtime, outcome.to, undefined, { scope, resume: outcome.resume });
    }
  } finally {
    leave(runtime, scope, token);
  }
}

/**
 * Automatic steps one workflow activation may chain. An activation that runs past the
 * SDK's isolate execution timeout is interrupted mid-flight (and takes the worker process
 * down), which a loaded worker reaches with long chains; so a chain yields every so
 * often (it records the instance's state) and goes on in the next activation. A new run (continue-as-new)
 * costs far more than a yield, so runs are long and activations short.
 */
export const STEPS_PER_ACTIVATION = 100;

/** Ends the activation (recording the instance's state) so a long chain of steps goes on in the next one. */
export async function yieldActivation(runtime: InstanceRuntime): Promise<void> {
  runtime.stepsSinceYield = 0;
  // A local activity ends the activation without a round trip to the server (a timer
  // would wait for the server's timer queue), and the database sees the progress.
  await recordInstanceState(runtime);
}

/**
 * True when the scope, or an activity hosting it, was interrupted: cancellation reaches
 * its tokens a moment later, and no new token may start there meanwhile.
 */
export function isInterrupted(runtime: InstanceRuntime, scope: FlowScope): boolean {
  let inFlow = true;
  for (let current: FlowScope | undefined = scope; current; current = current.parent) {
    if (inFlow && current.interrupted) return true;
    const host = current.hostInstanceId ? runtime.frames.get(current.hostInstanceId) : undefined;
    if (host?.interruption) return true;
    inFlow = current.hostInFlow;
  }
  return false;
}

/** The first interpreter's entry (instances started before scopes existed). */
function runFirstVersion(context: ElementContext): Promise<Outcome> {
  const { runtime, element, token } = context;
  return attempt(runtime, token, () => {
    enterElement(context);
    return runBehaviour(element, context);
  });
}

/** Counts the step against the endless-loop guard and applies the element's input mappings to its local scope. */
export function enterElement(context: ElementContext, options: { bounded?: boolean } = {}): void {
  guardAgainstEndlessLoop(context.runtime, context.element, options.bounded);
  const visible = context.runtime.v2 ? context.flowScope.visible() : context.runtime.variables;
  replace(context.local, applyMappings(context.element.inputs, { ...visible, ...context.local }, {}, context.runtime.feel));
}

/**
 * Applies the element's result: with output mappings, only the mapped variables leave
 * the element; without, its result variables do. Either way they propagate from the
 * element's scope (Zeebe). The first interpreter merged both into the process instead.
 */
export function completeElement(context: ElementContext, result: Variables | undefined, mapped = false): void {
  const { runtime, element, local } = context;
  if (!runtime.v2) {
    const variables = { ...runtime.variables, ...(result ?? {}) };
    if (element.outputs.length > 0) applyMappings(element.outputs, { ...runtime.variables, ...local, ...(result ?? {}) }, variables, runtime.feel);
    runtime.variables = variables;
    runtime.dirty = true;
    return;
  }
  const scope = context.flowScope;
  if (element.outputs.length === 0 || mapped) {
    scope.propagate(result);
  } else {
    const visible = scope.visible();
    // A dotted target (`review.approved`) updates the object it names, so that object is the starting point.
    const dotted = element.outputs.filter((output) => output.target.includes('.')).map((output) => output.target.split('.')[0]);
    const targets = applyMappings(element.outputs, { ...visible, ...local, ...(result ?? {}) }, pick(visible, dotted), runtime.feel);
    scope.propagate(targets);
  }
  runtime.dirty = true;
}

function pick(variables: Variables, names: string[]): Variables {
  const picked: Variables = {};
  for (const name of names) if (Object.hasOwn(variables, name)) picked[name] = variables[name];
  return picked;
}

/**
 * A token that passes this many elements without waiting for anything is almost
 * certainly in a loop of automatic steps that never ends; an incident says so instead of
 * the workflow task timing out again and again.
 */
export const MAX_STEPS_WITHOUT_WAIT = 1000;
/**
 * With continue-as-new, a loop of automatic steps hands over to a new run every few
 * hundred steps and may run much longer; the guard still stops one that never ends.
 */
export const MAX_STEPS_WITHOUT_WAIT_ACROSS_RUNS = 20_000;

/**
 * Counts the step. A `bounded` step (one instance of a multi-instance body: there are as
 * many as the collection has items) does not count towards the endless-loop guard.
 */
function guardAgainstEndlessLoop(runtime: InstanceRuntime, element: FlowElement, bounded = false): void {
  if (!bounded) runtime.stepsWithoutWait += 1;
  runtime.stepsInRun += 1;
  runtime.stepsSinceYield += 1;
  const limit = runtime.v2 ? (runtime.input.maxStepsWithoutWait ?? MAX_STEPS_WITHOUT_WAIT_ACROSS_RUNS) : MAX_STEPS_WITHOUT_WAIT;
  if (runtime.stepsWithoutWait > limit) {
    runtime.noteWait();
    throw new IncidentError(
      `The instance passed ${limit} elements without waiting for anything; "${element.name}" may be part of a loop that never ends`,
    );
  }
}

function takeFlow(runtime: InstanceRuntime, flowId: string, scope: FlowScope): void {
  const flow = runtime.model.flows[flowId];
  if (!flow) {
    runtime.fatalError ??= new Error(`The process model has no sequence flow "${flowId}"`);
    return;
  }
  void spawnToken(runtime, flow.targetRef, flowId, { scope });
}

function enter(runtime: InstanceRuntime, scope: FlowScope, token: Token): void {
  runtime.active.set(token.elementInstanceId, token.elementId);
  visitStarted(runtime, token.elementInstanceId);
  scope.tokens.set(token.elementInstanceId, token.elementId);
  runtime.dirty = true;
}

function leave(runtime: InstanceRuntime, scope: FlowScope, token: Token): void {
  runtime.waits.delete(token.elementInstanceId);
  visitAbandoned(runtime, token.elementInstanceId);
  scope.tokens.delete(token.elementInstanceId);
  if (runtime.active.delete(token.elementInstanceId)) runtime.dirty = true;
}

/** The context a behaviour runs with: the element, its token, its local variables and its flow scope. */
export function createContext(runtime: InstanceRuntime, element: FlowElement, token: Token, flowScope: FlowScope): ElementContext {
  const local: Variables = {};
  return {
    runtime,
    element,
    token,
    local,
    flowScope,
    scope: () => (runtime.v2 ? { ...flowScope.visible(), ...local } : { ...runtime.variables, ...local }),
    spawn: (elementId, options) => spawnToken(runtime, elementId, undefined, { scope: flowScope, ...options }),
    attempt: (step) => attempt(runtime, token, step),
    waiting: (data) => {
      runtime.waits.set(token.elementInstanceId, { elementId: element.id, data, scope: flowScope });
    },
    escalate: (code, variables) => escalateFrom(runtime, { element, token, scope: flowScope }, { kind: 'escalation', code, variables }),
  };
}

/** Runs the element's behaviour (no frame, no multi-instance): the innermost step of every element. */
export function runBehaviour(element: FlowElement, context: ElementContext): Outcome | Promise<Outcome> {
  const behaviour = behaviours[element.kind] as Behaviour<ElementKind>;
  return behaviour.run(context as never);
}

function replace(target: Variables, source: Variables): void {
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, source);
}
